import { TAX_CONTRACTS } from '@irp/contracts';
import { defineService } from '@irp/platform';
import { TAX_CONFIG, loadTaxConfig } from './config/env';
import { TAX_MIGRATIONS } from './migrations';

/** The tax service. Its features go into `features`, their entities into `entities`. */
export const TAX_SERVICE = defineService({
  name: 'tax',
  schema: 'tax',
  loadConfig: loadTaxConfig,
  configToken: TAX_CONFIG,
  entities: [],
  migrations: TAX_MIGRATIONS,
  streams: TAX_CONTRACTS.streams,
  features: [],
});
