export { ConfigError, EnvBoolean, loadEnv } from './load-env';
export { runMain } from './run-main';
export { databaseServiceConfig, DatabaseServiceEnv, serviceConfig, ServiceEnv, type DatabaseServiceConfig, type ServiceConfig } from './service-env';
