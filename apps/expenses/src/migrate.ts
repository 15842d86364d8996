import { runMigrateCli } from '@irp/persistence';
import { expensesOrmConfig } from './orm.config';

void runMigrateCli('expenses', (url) => expensesOrmConfig({ url }));
