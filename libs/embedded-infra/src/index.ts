export { describeExit, GuardedProcess, type GuardedProcessSpec } from './guardian';
export { EmbeddedPostgres, type PostgresOptions } from './postgres';
export { LocalNatsServer, findNatsServer, type NatsClusterMembership, type NatsOptions } from './nats';
export { LocalNatsCluster, type NatsClusterOptions } from './nats-cluster';
export { freePort, isPortOpen, waitFor } from './ports';
export { runNodeScript, ServiceProcess, type ServiceProcessOptions } from './service-process';
export { generateSigningKey, migratePlatform, PLATFORM_SERVICES, startPlatform, type PlatformOptions, type PlatformSecrets, type RunningPlatform, type ServiceName } from './platform';
export { DEFAULT_RESTART_POLICY, ServiceSupervisor, type RestartPolicy, type SupervisorEvent } from './supervisor';
