import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module';
import { FxModule } from '../fx/fx.module';
import { SettingsHandler } from '../settings/settings.handler';
import { SettingsRepository } from '../settings/settings.repository';
import { SettingsService } from '../settings/settings.service';
import { CategoryMergeService } from './category-merge.service';
import { ConversionService } from './conversion.service';
import { DuplicatePointers } from './duplicate-pointers';
import { ExpenseEvents } from './expense-events';
import { ExpenseRepository } from './expense.repository';
import { ExpensesHandler } from './expenses.handler';
import { ExpensesService } from './expenses.service';
import { IdempotencyKeysPurge } from './idempotency-keys.purge';
import { PendingConversions } from './pending-conversions';

/**
 * The ledger: expenses, their conversion, category merges and the user settings that drive
 * conversion (a base currency change re-converts the ledger, so settings live with it).
 */
@Module({
  imports: [CategoriesModule, FxModule],
  controllers: [ExpensesHandler, SettingsHandler],
  providers: [
    ExpensesService,
    ExpenseRepository,
    ExpenseEvents,
    ConversionService,
    DuplicatePointers,
    PendingConversions,
    IdempotencyKeysPurge,
    CategoryMergeService,
    SettingsService,
    SettingsRepository,
  ],
  exports: [ExpensesService, DuplicatePointers, SettingsRepository],
})
export class ExpensesModule {}
