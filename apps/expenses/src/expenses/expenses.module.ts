import { Module } from '@nestjs/common';
import { DuplicatesModule } from '../duplicates/duplicates.module';
import { CategoriesModule } from '../categories/categories.module';
import { FxModule } from '../fx/fx.module';
import { SettingsModule } from '../settings/settings.module';
import { CategoryMergeService } from './category-merge.service';
import { ConversionService } from './conversion.service';
import { ExpenseDuplicatePointers } from './expense-duplicate-pointers';
import { ExpenseBuilder } from './expense-builder';
import { ExpenseChanges } from './expense-changes';
import { ExpenseCorrections } from './expense-corrections';
import { ExpenseEvents } from './expense-events';
import { ExpenseQueries } from './expense-queries';
import { FileFromDocument } from './file-from-document.use-case';
import { IdempotentRequests } from './idempotent-requests';
import { ManageExpenses } from './manage-expenses.use-case';
import { ExpenseRepository } from './expense.repository';
import { ExpensesHandler } from './expenses.handler';
import { IdempotencyKeysPurge } from './idempotency-keys.purge';
import { PendingConversions } from './pending-conversions';
import { UpdateSettingsHandler } from './update-settings.handler';
import { UpdateSettings } from './update-settings.use-case';

/**
 * The ledger: expenses, their conversion and category merges, and the settings update (a base
 * currency change re-converts the ledger). Documents sit above it and hand it DocumentLinks.
 */
@Module({
  imports: [SettingsModule, DuplicatesModule, CategoriesModule, FxModule],
  controllers: [ExpensesHandler, UpdateSettingsHandler],
  providers: [
    ManageExpenses,
    FileFromDocument,
    ExpenseQueries,
    ExpenseBuilder,
    ExpenseChanges,
    ExpenseCorrections,
    IdempotentRequests,
    ExpenseRepository,
    ExpenseEvents,
    ConversionService,
    ExpenseDuplicatePointers,
    PendingConversions,
    IdempotencyKeysPurge,
    CategoryMergeService,
    UpdateSettings,
  ],
  exports: [FileFromDocument],
})
export class ExpensesModule {}
