import { databaseServiceConfig, DatabaseServiceEnv, loadEnv, type DatabaseServiceConfig } from '@irp/config';
import { serviceNamed } from '@irp/service-registry';

class TaxEnv extends DatabaseServiceEnv {
  override OPS_PORT: number = serviceNamed('tax').opsPort;
}

export type TaxConfig = DatabaseServiceConfig;

export function loadTaxConfig(env: NodeJS.ProcessEnv): TaxConfig {
  return databaseServiceConfig(loadEnv(TaxEnv, env));
}

export const TAX_CONFIG = Symbol('TAX_CONFIG');
