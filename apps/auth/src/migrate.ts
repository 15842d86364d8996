import { runServiceMigrations } from '@irp/platform';
import { AUTH_SERVICE } from './service';

runServiceMigrations(AUTH_SERVICE);
