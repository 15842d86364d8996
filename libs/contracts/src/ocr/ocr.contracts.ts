import { defineContracts, event } from '../contract-kit';
import { DOCUMENTS_BUCKET, ExtractionCompleted, ExtractionFailed, ExtractionStarted, OcrJob, PROGRESS_SUBJECTS } from '../documents/document.dto';
import { STREAMS } from '../events';

/** What the ocr service consumes from its work queue and publishes on the bus. */
export const OCR_CONTRACTS = defineContracts({
  service: 'ocr',
  streams: [STREAMS.OCR],
  rpc: {},
  events: {
    /** Work queue: one document for one ocr worker, queued by expenses when a document is registered. */
    ocrJobRequested: event('ocr.jobs.read.v1', STREAMS.OCR_JOBS, OcrJob, 'A document waits to be read (work queue: one worker takes it)', { publishedBy: 'expenses' }),
    extractionStarted: event('ocr.events.extraction.started.v1', STREAMS.OCR, ExtractionStarted, 'An ocr worker took the document'),
    extractionCompleted: event('ocr.events.extraction.completed.v1', STREAMS.OCR, ExtractionCompleted, 'A document was read: text and fields with confidence'),
    extractionFailed: event('ocr.events.extraction.failed.v1', STREAMS.OCR, ExtractionFailed, 'A document could not be read (reason for the user)'),
  },
  uses: {
    consumers: { 'ocr-workers': { stream: STREAMS.OCR_JOBS, filter: 'ocr.jobs.read.v1' } },
    objectBuckets: [DOCUMENTS_BUCKET],
    publishes: [PROGRESS_SUBJECTS.ocr('*')],
  },
});
