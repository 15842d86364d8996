import path from 'node:path';
import { MESSAGING_ENTITIES } from '@irp/messaging';
import { serviceOrmConfig } from '@irp/persistence';
import { OCR_MIGRATIONS } from './migrations';
import { ExtractionRecord } from './reading/extraction-record.entity';

export function ocrOrmConfig(database: { url: string; poolMax?: number }) {
  return serviceOrmConfig({
    schema: 'ocr',
    databaseUrl: database.url,
    poolMax: database.poolMax,
    entities: [ExtractionRecord, ...MESSAGING_ENTITIES],
    migrations: OCR_MIGRATIONS,
    // `migrate create` runs from the workspace root and writes into the sources.
    migrationsPath: path.resolve('apps/ocr/src/migrations'),
  });
}
