import { Inject, Injectable } from '@nestjs/common';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { BLOB_STORE, type BlobStore } from '@irp/blob-store';
import { PROGRESS_SUBJECTS, SUBJECTS, type DocumentProgress, type EventOf, type Extraction } from '@irp/contracts';
import { createEvent, JETSTREAM, NATS_CONNECTION, Outbox, publishEvent, type DeliveryInfo } from '@irp/messaging';
import { getLogger } from '@irp/observability';
import { UnitOfWork } from '@irp/persistence';
import { UnreadableDocumentError } from '@irp/receipt-reading';
import { OCR_CONFIG, type OcrConfig } from '../config/env';
import { ReaderPool } from './document-reader.provider';
import { ExtractionRecord } from './extraction-record.entity';
import { ExtractionRecordRepository } from './extraction-record.repository';
import { perceptualHash } from './image-hash';

type Job = EventOf<typeof SUBJECTS.ocrJobRequested>;

/**
 * One OCR job: fetch the bytes, read them (text layer or OCR), and record the outcome with its
 * event in the transaction the job consumer opened. A document that cannot be read is an outcome
 * (`extraction.failed` with the reason), not an error: only transient trouble is retried.
 */
@Injectable()
export class ReadDocumentService {
  private readonly log = getLogger(ReadDocumentService.name);

  constructor(
    @Inject(OCR_CONFIG) private readonly config: OcrConfig,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(JETSTREAM) private readonly js: JetStreamClient,
    private readonly pool: ReaderPool,
    private readonly records: ExtractionRecordRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: Outbox,
  ) {}

  async handle(job: Job, delivery: DeliveryInfo): Promise<void> {
    const { documentId, objectName, mimeType, locale } = job.data;
    const userId = job.subject.userId;
    await publishEvent(this.js, createEvent(SUBJECTS.extractionStarted, userId, { documentId }));
    this.progress(documentId, 10, 'downloading');
    const bytes = await this.blobs.getBuffer(objectName);
    if (!bytes) return this.fail(userId, documentId, 'the file was deleted before it could be read');

    const heartbeat = setInterval(() => delivery.heartbeat(), Math.max(1000, this.config.reading.ackWaitMs / 3));
    try {
      const extraction = await this.pool.reader.read(bytes, {
        mimeType,
        locale,
        signal: AbortSignal.timeout(this.config.reading.timeoutMs),
        onProgress: (percent) => this.progress(documentId, 10 + Math.round(percent * 0.85), 'reading'),
      });
      const imageHash = mimeType.startsWith('image/') ? await perceptualHash(bytes).catch(() => null) : null;
      this.record(userId, documentId, extraction, imageHash);
      this.log.info({ documentId, source: extraction.source, pages: extraction.pages, ms: extraction.durationMs }, 'document read');
    } catch (error) {
      if (error instanceof UnreadableDocumentError) return this.fail(userId, documentId, error.message);
      throw error; // transient: the job is redelivered
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** After every attempt failed (dead-lettered job): the user learns it, in a transaction of its own. */
  async giveUp(job: Job, reason: string): Promise<void> {
    await this.unitOfWork.run(async () => {
      this.fail(job.subject.userId, job.data.documentId, `the document could not be read (${reason})`);
    });
  }

  private record(userId: string, documentId: string, extraction: Extraction, imageHash: string | null): void {
    this.records.add(new ExtractionRecord(documentId, userId, extraction, imageHash));
    this.outbox.record(SUBJECTS.extractionCompleted, userId, { documentId, extraction, imageHash });
  }

  private fail(userId: string, documentId: string, reason: string): void {
    this.log.info({ documentId, reason }, 'document unreadable');
    this.outbox.record(SUBJECTS.extractionFailed, userId, { documentId, reason });
  }

  private progress(documentId: string, progress: number, stage: string): void {
    const message: DocumentProgress = { documentId, status: 'processing', progress, stage };
    this.nc.publish(PROGRESS_SUBJECTS.ocr(documentId), JSON.stringify(message));
  }
}
