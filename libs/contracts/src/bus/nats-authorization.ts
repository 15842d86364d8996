import { SERVICE_CONTRACTS } from '../subjects';
import { busPermissions, type BusPermissions } from './bus-permissions';

/** A NATS user: a service with its least privilege, or (no permissions) an operator or test client. */
export interface BusUser {
  user: string;
  /** The password, or a `$VARIABLE` the server reads from its environment. */
  password: string;
  permissions?: BusPermissions;
}

/** Every service that declares contracts, as a user with the permissions derived from them. */
export function platformBusUsers(passwordOf: (service: string) => string): BusUser[] {
  return SERVICE_CONTRACTS.map(({ service }) => ({ user: service, password: passwordOf(service), permissions: busPermissions(service, SERVICE_CONTRACTS) }));
}

const quoted = (values: readonly string[]) => `[${values.map((value) => JSON.stringify(value)).join(', ')}]`;
const secret = (password: string) => (/^\$[A-Z_][A-Z0-9_]*$/.test(password) ? password : JSON.stringify(password));

function userBlock({ user, password, permissions }: BusUser): string {
  const lines = [`    {`, `      user: ${JSON.stringify(user)}`, `      password: ${secret(password)}`];
  if (permissions) {
    lines.push(
      `      permissions: {`,
      `        publish: { allow: ${quoted(permissions.publish)} }`,
      `        subscribe: { allow: ${quoted(permissions.subscribe)} }`,
      // Replies to the requests it received, on their one-off reply subjects only.
      `        allow_responses: true`,
      `      }`,
    );
  }
  lines.push(`    }`);
  return lines.join('\n');
}

/**
 * The `authorization` block of nats-server's configuration: one user per service, nothing for
 * anonymous clients unless `noAuthUser` names the user they act as (test servers only).
 */
export function natsAuthorizationConfig(users: readonly BusUser[], options: { noAuthUser?: string } = {}): string {
  const lines = ['authorization {', '  users: [', users.map(userBlock).join('\n'), '  ]', '}'];
  if (options.noAuthUser) lines.push(`no_auth_user: ${JSON.stringify(options.noAuthUser)}`);
  return `${lines.join('\n')}\n`;
}

/** The variable a deployment's nats-server reads a service's password from, e.g. AUTH_NATS_PASSWORD. */
export function natsPasswordVariable(service: string): string {
  return `${service.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_NATS_PASSWORD`;
}

/** deploy/nats/authorization.conf (compose) and its copy in the dev Kubernetes overlay. */
export function deploymentAuthorizationConfig(): string {
  const header = [
    '# Generated from the contracts by `npm run nats:authorization`: do not edit (a test fails when stale).',
    '# One user per service with the permissions its contracts give it; the passwords come from the',
    "# server's environment (<SERVICE>_NATS_PASSWORD). Anonymous clients are refused.",
  ];
  return `${header.join('\n')}\n${natsAuthorizationConfig(platformBusUsers((service) => `$${natsPasswordVariable(service)}`))}`;
}
