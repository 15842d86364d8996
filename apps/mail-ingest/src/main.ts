import './instrument';
import { runService } from '@irp/platform';
import { MAIL_INGEST_SERVICE } from './service';

runService(MAIL_INGEST_SERVICE);
