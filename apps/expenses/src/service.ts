import { ScheduleModule } from '@nestjs/schedule';
import { BlobStoreModule } from '@irp/blob-store';
import { DOCUMENTS_BUCKET, EXPENSES_CONTRACTS } from '@irp/contracts';
import { defineService } from '@irp/platform';
import { CategoriesModule } from './categories/categories.module';
import { Category } from './categories/category.entity';
import { EXPENSES_CONFIG, loadExpensesConfig } from './config/env';
import { Document } from './documents/document.entity';
import { DocumentsModule } from './documents/documents.module';
import { ExpenseCorrection } from './expenses/expense-correction.entity';
import { Expense } from './expenses/expense.entity';
import { ExpensesModule } from './expenses/expenses.module';
import { IdempotencyKey } from './expenses/idempotency-key.entity';
import { FxRate } from './fx/fx-rate.entity';
import { FxModule } from './fx/fx.module';
import { EXPENSES_MIGRATIONS } from './migrations';
import { SettingsModule } from './settings/settings.module';
import { UserSettings } from './settings/user-settings.entity';

/** The expenses service: the ledger, categories, settings, FX rates and conversion, documents. */
export const EXPENSES_SERVICE = defineService({
  name: 'expenses',
  schema: 'expenses',
  loadConfig: loadExpensesConfig,
  configToken: EXPENSES_CONFIG,
  entities: [Expense, Category, UserSettings, FxRate, IdempotencyKey, Document, ExpenseCorrection],
  migrations: EXPENSES_MIGRATIONS,
  streams: EXPENSES_CONTRACTS.streams,
  features: [ScheduleModule.forRoot(), SettingsModule, FxModule, CategoriesModule, ExpensesModule, BlobStoreModule.forRoot(DOCUMENTS_BUCKET), DocumentsModule],
});
