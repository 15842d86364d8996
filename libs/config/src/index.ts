export { ConfigError, EnvBoolean, loadEnv } from './load-env';
export { DatabaseServiceEnv, ServiceEnv } from './service-env';
