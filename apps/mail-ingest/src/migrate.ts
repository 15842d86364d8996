import { runServiceMigrations } from '@irp/platform';
import { MAIL_INGEST_SERVICE } from './service';

runServiceMigrations(MAIL_INGEST_SERVICE);
