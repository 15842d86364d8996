import { runServiceMigrations } from '@irp/platform';
import { EXPENSES_SERVICE } from './service';

runServiceMigrations(EXPENSES_SERVICE);
