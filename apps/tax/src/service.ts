import { BlobStoreModule } from '@irp/blob-store';
import { TAX_CONTRACTS, TAX_REPORTS_BUCKET } from '@irp/contracts';
import { defineService } from '@irp/platform';
import { TAX_CONFIG, loadTaxConfig } from './config/env';
import { TAX_MIGRATIONS } from './migrations';
import { ExpenseTax } from './projection/expense-tax.entity';
import { ProjectionModule } from './projection/projection.module';
import { ProfilesModule } from './profiles/profiles.module';
import { ReportJob } from './reports/report-job.entity';
import { ReportsModule } from './reports/reports.module';
import { CategoryOverride } from './settings/category-override.entity';
import { SettingsModule } from './settings/settings.module';
import { TaxSettings } from './settings/tax-settings.entity';

/** The tax service: tax profiles, each expense's tax lines (from expense events), period reports. */
export const TAX_SERVICE = defineService({
  name: 'tax',
  schema: 'tax',
  loadConfig: loadTaxConfig,
  configToken: TAX_CONFIG,
  entities: [TaxSettings, CategoryOverride, ExpenseTax, ReportJob],
  migrations: TAX_MIGRATIONS,
  streams: TAX_CONTRACTS.streams,
  features: [BlobStoreModule.forRoot(TAX_REPORTS_BUCKET), ProfilesModule, SettingsModule, ProjectionModule, ReportsModule],
});
