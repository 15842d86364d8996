import type { ModuleMetadata, Type } from '@nestjs/common';
import type { Options } from '@mikro-orm/postgresql';
import type { DatabaseServiceConfig, ServiceConfig } from '@irp/config';
import type { StreamSpec } from '@irp/messaging';
import type { ReadinessCheck } from '@irp/observability';
import { serviceNamed, type ServiceName } from '@irp/service-registry';

type Constructor = abstract new (...args: never[]) => object;
type MigrationList = NonNullable<NonNullable<Options['migrations']>['migrationsList']>;

/**
 * Everything that makes one service different from the others; the platform wires the rest
 * (configuration, logs, traces, database, NATS, RPC errors and validation, outbox relay, health,
 * metrics, graceful shutdown) the same way for all.
 */
export interface ServiceDefinition<C extends DatabaseServiceConfig = DatabaseServiceConfig> {
  /** Its name in the service registry: NATS queue group and client name, log field, metrics. */
  name: ServiceName;
  /** Its PostgreSQL schema, as registered; nobody else reads or writes it. */
  schema: string;
  /** Reads and validates the environment once (a bad value stops the start, naming the variable). */
  loadConfig(env: NodeJS.ProcessEnv): C;
  /** The injection token the typed configuration is provided under. */
  configToken: symbol;
  entities: Constructor[];
  /** Its migrations, oldest first. */
  migrations: MigrationList;
  /** The streams it publishes to (its events, work queues it feeds): created or updated at start. */
  streams: readonly StreamSpec[];
  /** Its feature modules. */
  features: NonNullable<ModuleMetadata['imports']>;
  /** Milliseconds a stop may take (in-flight work finishing) before the process exits anyway. */
  shutdownTimeoutMs?: number;
}

/** A service without a schema of its own (the gateway): configuration, logs, traces, NATS, health, metrics. */
export interface EdgeServiceDefinition<C extends ServiceConfig = ServiceConfig> {
  name: ServiceName;
  loadConfig(env: NodeJS.ProcessEnv): C;
  configToken: symbol;
  features: NonNullable<ModuleMetadata['imports']>;
  /** Default timeout of its RPC calls. */
  requestTimeoutMs?(config: C): number;
  /** Readiness checks besides NATS (e.g. its HTTP listener). */
  checks?: Type<ReadinessCheck>[];
}

/** An edge service's definition, checked against the registry: it must be registered without a schema. */
export function defineEdgeService<C extends ServiceConfig>(definition: EdgeServiceDefinition<C>): EdgeServiceDefinition<C> {
  const registered = serviceNamed(definition.name);
  if (registered.schema !== null) throw new Error(`${definition.name}: registered with the schema "${registered.schema}": define it with defineService`);
  return definition;
}

/**
 * A service's definition, in its `src/service.ts`, checked against its registry entry: a schema or
 * a stream that disagrees with libs/service-registry stops the service (and every test) at once.
 */
export function defineService<C extends DatabaseServiceConfig>(definition: ServiceDefinition<C>): ServiceDefinition<C> {
  const registered = serviceNamed(definition.name);
  const streams = definition.streams.map((stream) => stream.name).sort();
  if (registered.schema !== definition.schema) throw new Error(`${definition.name}: schema "${definition.schema}" is registered as "${registered.schema}"`);
  if (JSON.stringify(streams) !== JSON.stringify([...registered.streams].sort())) {
    throw new Error(`${definition.name}: streams ${streams.join(', ')} are registered as ${registered.streams.join(', ')}`);
  }
  return definition;
}
