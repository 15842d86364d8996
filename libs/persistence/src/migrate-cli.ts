import { Matches } from 'class-validator';
import type { Options } from '@mikro-orm/postgresql';
import { ConfigError, loadEnv } from '@irp/config';
import { configureLogging } from '@irp/observability';
import { migrate, type MigrateCommand } from './migrate';

class MigrationEnv {
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;
}

const COMMANDS: MigrateCommand[] = ['up', 'down', 'pending', 'create', 'check'];

/**
 * `node dist/apps/<service>/src/migrate.js [up|down|pending|create|check]`: the `migrate` target,
 * the Kubernetes migration Job and the dev launcher all run this. Needs only DATABASE_URL.
 * `check` exits 1 when the entities have changes no migration covers.
 */
export async function runMigrateCli(service: string, ormConfig: (databaseUrl: string) => Options): Promise<void> {
  const command = (process.argv[2] ?? 'up') as MigrateCommand;
  const log = configureLogging({ service: `${service}-migrate`, level: process.env.LOG_LEVEL });
  try {
    if (!COMMANDS.includes(command)) throw new ConfigError([`unknown command "${command}"; use one of ${COMMANDS.join(', ')}`]);
    const { DATABASE_URL } = loadEnv(MigrationEnv, process.env);
    const names = await migrate(ormConfig(DATABASE_URL), command);
    log.info({ command, migrations: names }, names.length ? `${command}: ${names.join(', ')}` : `${command}: nothing to do`);
    process.exitCode = command === 'check' && names.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof ConfigError) process.stderr.write(`${service}-migrate: ${error.message}\n`);
    else log.fatal({ err: error }, 'migration failed');
    process.exitCode = 1;
  }
}
