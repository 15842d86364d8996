import { runServiceMigrations } from '@irp/platform';
import { BUDGETS_SERVICE } from './service';

runServiceMigrations(BUDGETS_SERVICE);
