import { databaseServiceConfig, DatabaseServiceEnv, loadEnv, type DatabaseServiceConfig } from '@irp/config';
import { serviceNamed } from '@irp/service-registry';

class BudgetsEnv extends DatabaseServiceEnv {
  override OPS_PORT: number = serviceNamed('budgets').opsPort;
}

export type BudgetsConfig = DatabaseServiceConfig;

export function loadBudgetsConfig(env: NodeJS.ProcessEnv): BudgetsConfig {
  return databaseServiceConfig(loadEnv(BudgetsEnv, env));
}

export const BUDGETS_CONFIG = Symbol('BUDGETS_CONFIG');
