export { GuardedProcess, type GuardedProcessSpec } from './guardian';
export { EmbeddedPostgres, type PostgresOptions } from './postgres';
export { LocalNatsServer, findNatsServer, type NatsOptions } from './nats';
export { freePort, isPortOpen, waitFor } from './ports';
