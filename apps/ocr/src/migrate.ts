import { runMigrateCli } from '@irp/persistence';
import { ocrOrmConfig } from './orm.config';

void runMigrateCli('ocr', (url) => ocrOrmConfig({ url }));
