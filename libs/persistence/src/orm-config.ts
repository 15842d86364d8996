import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { parse as parseConnectionString } from 'pg-connection-string';
import { servicesWithDatabase } from '@irp/service-registry';

/** Every service schema (from the service registry); one service's schema diff must never touch another's. */
export const SERVICE_SCHEMAS: readonly string[] = servicesWithDatabase().map((service) => service.schema as string);

/**
 * A connection attempt the server accepted but never answered (it was shutting down, or the
 * network dropped) fails after this instead of holding a pool slot, and the shutdown, forever.
 */
const CONNECT_TIMEOUT_MS = 5_000;

type Constructor<T = object> = abstract new (...args: never[]) => T;

export interface ServiceOrmOptions {
  schema: string;
  databaseUrl: string;
  entities: Constructor[];
  /** The service's migrations, in order (explicit: no file globbing, same in TS and compiled JS). */
  migrations: NonNullable<NonNullable<Options['migrations']>['migrationsList']>;
  /** Source folder of the migrations, where `migrate create` writes new ones and the snapshot. */
  migrationsPath?: string;
  poolMax?: number;
}

export function serviceOrmConfig(options: ServiceOrmOptions): Options {
  return defineConfig({
    clientUrl: options.databaseUrl,
    // The ORM keeps only the URL's host, port, user, password and database; its TLS settings
    // (sslmode, sslrootcert, ...) are read here as node-postgres reads them. Without them, PGSSLMODE applies.
    driverOptions: { ...tlsOptions(options.databaseUrl), connectionTimeoutMillis: CONNECT_TIMEOUT_MS },
    schema: options.schema,
    entities: options.entities,
    extensions: [Migrator],
    pool: { min: 0, max: options.poolMax ?? 10 },
    forceUtcTimezone: true,
    // Every unit of work runs in a request context (HTTP, NATS handler, job); the global one is a bug.
    allowGlobalContext: false,
    ensureDatabase: false,
    debug: false,
    schemaGenerator: { ignoreSchema: SERVICE_SCHEMAS.filter((schema) => schema !== options.schema) },
    migrations: {
      schema: options.schema,
      tableName: 'mikro_orm_migrations',
      migrationsList: options.migrations,
      path: options.migrationsPath,
      pathTs: options.migrationsPath,
      emit: 'ts',
      snapshot: true,
      snapshotOnMigrate: false,
      snapshotName: '.snapshot',
      transactional: true,
      allOrNothing: true,
      silent: true,
    },
  });
}

function tlsOptions(databaseUrl: string): { ssl: NonNullable<ReturnType<typeof parseConnectionString>['ssl']> } | undefined {
  const { ssl } = parseConnectionString(databaseUrl);
  return ssl === undefined || ssl === null ? undefined : { ssl };
}
