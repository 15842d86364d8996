import { Module } from '@nestjs/common';
import { DuplicatesModule } from '../duplicates/duplicates.module';
import { CategoriesModule } from '../categories/categories.module';
import { FxModule } from '../fx/fx.module';
import { SettingsModule } from '../settings/settings.module';
import { CategoryMergeService } from './category-merge.service';
import { ConversionService } from './conversion.service';
import { DuplicatePointers } from './duplicate-pointers';
import { ExpenseEvents } from './expense-events';
import { ExpenseRepository } from './expense.repository';
import { ExpensesHandler } from './expenses.handler';
import { ExpensesService } from './expenses.service';
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
    ExpensesService,
    ExpenseRepository,
    ExpenseEvents,
    ConversionService,
    DuplicatePointers,
    PendingConversions,
    IdempotencyKeysPurge,
    CategoryMergeService,
    UpdateSettings,
  ],
  exports: [ExpensesService, DuplicatePointers],
})
export class ExpensesModule {}
