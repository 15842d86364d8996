import path from 'node:path';
import type { Options } from '@mikro-orm/postgresql';
import { MESSAGING_ENTITIES } from '@irp/messaging';
import { serviceOrmConfig } from '@irp/persistence';
import type { ServiceDefinition } from './service-definition';

/** The MikroORM configuration of a service: its schema, its entities plus the inbox and outbox, its migrations. */
export function serviceOrmOptions(service: ServiceDefinition, database: { url: string; poolMax?: number }): Options {
  return serviceOrmConfig({
    schema: service.schema,
    databaseUrl: database.url,
    poolMax: database.poolMax,
    entities: [...service.entities, ...MESSAGING_ENTITIES],
    migrations: service.migrations,
    // `migrate create` runs from the workspace root and writes into the sources.
    migrationsPath: path.resolve(`apps/${service.name}/src/migrations`),
  });
}
