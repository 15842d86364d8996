import { BUDGETS_CONTRACTS } from '@irp/contracts';
import { defineService } from '@irp/platform';
import { BUDGETS_CONFIG, loadBudgetsConfig } from './config/env';
import { BUDGETS_MIGRATIONS } from './migrations';

/** The budgets service. Its features go into `features`, their entities into `entities`. */
export const BUDGETS_SERVICE = defineService({
  name: 'budgets',
  schema: 'budgets',
  loadConfig: loadBudgetsConfig,
  configToken: BUDGETS_CONFIG,
  entities: [],
  migrations: BUDGETS_MIGRATIONS,
  streams: BUDGETS_CONTRACTS.streams,
  features: [],
});
