import type { ModuleMetadata } from '@nestjs/common';
import type { Options } from '@mikro-orm/postgresql';
import type { DatabaseServiceConfig } from '@irp/config';
import type { StreamSpec } from '@irp/messaging';
import type { ServiceSchema } from '@irp/persistence';

type Constructor = abstract new (...args: never[]) => object;
type MigrationList = NonNullable<NonNullable<Options['migrations']>['migrationsList']>;

/**
 * Everything that makes one service different from the others; the platform wires the rest
 * (configuration, logs, traces, database, NATS, RPC errors and validation, outbox relay, health,
 * metrics, graceful shutdown) the same way for all.
 */
export interface ServiceDefinition<C extends DatabaseServiceConfig = DatabaseServiceConfig> {
  /** Service name: NATS queue group and client name, log field, metrics. */
  name: string;
  /** Its PostgreSQL schema; nobody else reads or writes it. */
  schema: ServiceSchema;
  /** Reads and validates the environment once (a bad value stops the start, naming the variable). */
  loadConfig(env: NodeJS.ProcessEnv): C;
  /** The injection token the typed configuration is provided under. */
  configToken: symbol;
  entities: Constructor[];
  /** Its migrations, oldest first. */
  migrations: MigrationList;
  /** The streams it publishes to (its events, work queues it feeds): created or updated at start. */
  streams: StreamSpec[];
  /** Its feature modules. */
  features: NonNullable<ModuleMetadata['imports']>;
  /** Seconds a stop may take (in-flight work finishing) before the process exits anyway. */
  shutdownTimeoutMs?: number;
}

/** Identity with the type checked: a service's definition, in its `src/service.ts`. */
export function defineService<C extends DatabaseServiceConfig>(definition: ServiceDefinition<C>): ServiceDefinition<C> {
  return definition;
}
