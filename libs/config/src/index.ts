export { ConfigError, EnvBoolean, loadEnv } from './load-env';
export { runMain } from './run-main';
export { DatabaseServiceEnv, ServiceEnv } from './service-env';
