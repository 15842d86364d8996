import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { secretEnvOf, SERVICES, servicesWithDatabase, type RegisteredService, type ServiceName } from '@irp/service-registry';
import { freePort } from './ports';
import { runNodeScript, ServiceProcess } from './service-process';
import { DEFAULT_RESTART_POLICY, ServiceSupervisor, type RestartPolicy, type SupervisorEvent } from './supervisor';

/** The services of the platform, in start order: the registry (libs/service-registry). */
export const PLATFORM_SERVICES = SERVICES;

export type { ServiceName };

/**
 * The services' secrets by variable name, e.g. `AUTH_JWT_PRIVATE_KEY` (the PEM of the RSA key auth
 * signs access tokens with). Each service gets those the registry lists for it; DATABASE_URL comes
 * from `databaseUrl`.
 */
export type PlatformSecrets = Readonly<Record<string, string>>;

export interface PlatformOptions {
  /** The workspace root, where dist/ holds the built services. */
  root: string;
  databaseUrl: string;
  natsUrl: string;
  secrets: PlatformSecrets;
  /** Each service's NATS password (its user is its name); without, services connect anonymously. */
  busPasswords?: Readonly<Record<string, string>>;
  /** Fixed ports (the launcher) or free ones picked at random (tests); `ops: 'random'` for the ops ports only. */
  ports: 'random' | { gateway: number; ops?: 'random' };
  /** Variables for every service (LOG_LEVEL, OTEL_*, ...), and per service. */
  env?: NodeJS.ProcessEnv;
  serviceEnv?: Partial<Record<ServiceName, NodeJS.ProcessEnv>>;
  onLine?: (service: ServiceName, line: string) => void;
  /** A service that dies unasked is restarted under this policy, and each step reported. */
  restartPolicy?: Partial<RestartPolicy>;
  onSupervisorEvent?: (event: SupervisorEvent) => void;
}

export interface RunningPlatform {
  gatewayUrl: string;
  services: Record<ServiceName, ServiceProcess>;
  /** Starts a service again, as it was (after a test killed it, say). */
  restart(name: ServiceName): Promise<ServiceProcess>;
  stop(): Promise<void>;
}

export function generateSigningKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

function entry(root: string, service: ServiceName, script: 'main' | 'migrate'): string {
  return path.join(root, 'dist', 'apps', service, 'src', `${script}.js`);
}

/** The secrets the registry lists for a service, from `secrets`; a missing required one stops the start. */
function secretEnv(service: RegisteredService, secrets: PlatformSecrets): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  // DATABASE_URL comes from `databaseUrl`, NATS_PASSWORD from `busPasswords`.
  for (const { name, optional } of secretEnvOf(service).filter((e) => e.name !== 'DATABASE_URL' && e.name !== 'NATS_PASSWORD')) {
    if (secrets[name] !== undefined) env[name] = secrets[name];
    else if (!optional) throw new Error(`${service.name} needs the secret ${name}: pass it in PlatformOptions.secrets`);
  }
  return env;
}

function busCredentials(service: ServiceName, passwords: PlatformOptions['busPasswords']): NodeJS.ProcessEnv {
  if (!passwords) return {};
  const password = passwords[service];
  if (password === undefined) throw new Error(`${service} has no NATS password: pass it in PlatformOptions.busPasswords`);
  return { NATS_USER: service, NATS_PASSWORD: password };
}

function baseEnv(options: PlatformOptions): NodeJS.ProcessEnv {
  // PATH and friends pass through; our own variables are set explicitly.
  return { ...process.env, ...options.env, DATABASE_URL: options.databaseUrl, NATS_URL: options.natsUrl };
}

/** Applies every service's migrations (each service owns its schema). */
export async function migratePlatform(options: PlatformOptions): Promise<void> {
  for (const service of servicesWithDatabase()) {
    await runNodeScript(entry(options.root, service.name, 'migrate'), ['up'], baseEnv(options));
  }
}

/** Starts every service as its own process and waits until each is ready. */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const random = options.ports === 'random' || options.ports.ops === 'random';
  const gatewayPort = options.ports === 'random' ? await freePort() : options.ports.gateway;
  const services = {} as Record<ServiceName, ServiceProcess>;
  const supervisors: ServiceSupervisor[] = [];
  const supervisorOf = {} as Record<ServiceName, ServiceSupervisor>;
  const policy = { ...DEFAULT_RESTART_POLICY, ...options.restartPolicy };
  try {
    for (const service of PLATFORM_SERVICES) {
      const opsPort = random ? await freePort() : service.opsPort;
      const env: NodeJS.ProcessEnv = {
        ...baseEnv(options),
        OPS_PORT: String(opsPort),
        ...secretEnv(service, options.secrets),
        ...busCredentials(service.name, options.busPasswords),
        ...(service.ingress && { PORT: String(gatewayPort) }),
        ...options.serviceEnv?.[service.name],
      };
      const onLine = options.onLine && ((line: string) => options.onLine?.(service.name, line));
      const launch = async () => {
        services[service.name] = await ServiceProcess.start({ name: service.name, entry: entry(options.root, service.name, 'main'), env, opsPort, onLine });
        return services[service.name];
      };
      supervisorOf[service.name] = new ServiceSupervisor(service.name, launch, policy, options.onSupervisorEvent);
      supervisors.push(supervisorOf[service.name]);
      await supervisorOf[service.name].start();
    }
    return {
      gatewayUrl: `http://127.0.0.1:${gatewayPort}`,
      services,
      restart: (name) => supervisorOf[name].restart(),
      stop: () => stopInReverse(supervisors),
    };
  } catch (error) {
    await stopInReverse(supervisors);
    throw error;
  }
}

/** In reverse start order: the gateway stops taking requests before the services behind it go. */
async function stopInReverse(supervisors: ServiceSupervisor[]): Promise<void> {
  for (const supervisor of [...supervisors].reverse()) await supervisor.stop();
}
