import path from 'node:path';
import { MESSAGING_ENTITIES } from '@irp/messaging';
import { serviceOrmConfig } from '@irp/persistence';
import { Category } from './categories/category.entity';
import { Document } from './documents/document.entity';
import { ExpenseCorrection } from './expenses/expense-correction.entity';
import { Expense } from './expenses/expense.entity';
import { IdempotencyKey } from './expenses/idempotency-key.entity';
import { FxRate } from './fx/fx-rate.entity';
import { EXPENSES_MIGRATIONS } from './migrations';
import { UserSettings } from './settings/user-settings.entity';

export function expensesOrmConfig(database: { url: string; poolMax?: number }) {
  return serviceOrmConfig({
    schema: 'expenses',
    databaseUrl: database.url,
    poolMax: database.poolMax,
    entities: [Expense, ExpenseCorrection, Document, Category, IdempotencyKey, UserSettings, FxRate, ...MESSAGING_ENTITIES],
    migrations: EXPENSES_MIGRATIONS,
    // `migrate create` runs from the workspace root and writes into the sources.
    migrationsPath: path.resolve('apps/expenses/src/migrations'),
  });
}
