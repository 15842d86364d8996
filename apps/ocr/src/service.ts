import { DOCUMENTS_BUCKET, OCR_CONTRACTS } from '@irp/contracts';
import { BlobStoreModule } from '@irp/blob-store';
import { defineService } from '@irp/platform';
import { loadOcrConfig, OCR_CONFIG } from './config/env';
import { OCR_MIGRATIONS } from './migrations';
import { ExtractionRecord } from './reading/extraction-record.entity';
import { ReadingModule } from './reading/reading.module';

/** The ocr service: OCR workers on the OCR_JOBS work queue (text layers, OCR, field extraction). */
export const OCR_SERVICE = defineService({
  name: 'ocr',
  schema: 'ocr',
  loadConfig: loadOcrConfig,
  configToken: OCR_CONFIG,
  entities: [ExtractionRecord],
  migrations: OCR_MIGRATIONS,
  streams: OCR_CONTRACTS.streams,
  features: [BlobStoreModule.forRoot(DOCUMENTS_BUCKET), ReadingModule],
  // A job in flight may take minutes; it is redelivered anyway if we are cut off, but finishing is cheaper.
  shutdownTimeoutMs: 110_000,
});
