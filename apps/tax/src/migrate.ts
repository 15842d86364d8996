import { runServiceMigrations } from '@irp/platform';
import { TAX_SERVICE } from './service';

runServiceMigrations(TAX_SERVICE);
