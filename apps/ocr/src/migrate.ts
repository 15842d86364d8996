import { runServiceMigrations } from '@irp/platform';
import { OCR_SERVICE } from './service';

runServiceMigrations(OCR_SERVICE);
