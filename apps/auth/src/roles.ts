import { MikroORM } from '@mikro-orm/postgresql';
import { ConfigError, DatabaseServiceEnv, loadEnv } from '@irp/config';
import { configureLogging } from '@irp/observability';
import { serviceOrmOptions } from '@irp/platform';
import { AUTH_SERVICE } from './service';
import { changeRole, ROLES, UnknownAccountError, type Role } from './users/user-roles';
import { UserRepository } from './users/user.repository';

// `node dist/apps/auth/src/roles.js grant|revoke <email> [admin]`: gives or takes a role of an
// account that exists, straight in the auth schema (roles are never granted through the API, so
// whoever registers an address first cannot claim them). Needs only DATABASE_URL.
class RolesEnv extends DatabaseServiceEnv {
  override OPS_PORT: number = 0;
}

const USAGE = `usage: roles.js grant|revoke <email> [${ROLES.join('|')}]`;

async function main(): Promise<void> {
  const log = configureLogging({ service: 'auth-roles', level: process.env.LOG_LEVEL });
  const [action, email, role = 'admin'] = process.argv.slice(2);
  try {
    if ((action !== 'grant' && action !== 'revoke') || !email || !ROLES.includes(role as Role)) throw new ConfigError([USAGE]);
    const env = loadEnv(RolesEnv, process.env);
    const orm = await MikroORM.init(serviceOrmOptions(AUTH_SERVICE, { url: env.DATABASE_URL }));
    try {
      const roles = await changeRole(new UserRepository(orm.em.fork()), email, role as Role, action);
      process.stdout.write(`${email}: ${roles.length > 0 ? roles.join(', ') : 'no roles'}\n`);
    } finally {
      await orm.close();
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UnknownAccountError) process.stderr.write(`roles: ${error.message}\n`);
    else log.fatal({ err: error }, 'changing the role failed');
    process.exitCode = 1;
  }
}

void main();
