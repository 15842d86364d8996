import { Inject, Injectable } from '@nestjs/common';
import { OCR_CONTRACTS, SUBJECTS } from '@irp/contracts';
import { ConsumerHost, declaredConsumer, type HostedConsumer } from '@irp/messaging';
import { OCR_CONFIG, type OcrConfig } from '../config/env';
import { ReadDocumentService } from './read-document.service';

type OcrJob = typeof SUBJECTS.ocrJobRequested;

/**
 * Takes jobs from the OCR_JOBS work queue, as many at once as there are OCR workers: explicit acks,
 * heartbeats while reading, redelivery when a worker dies, and after the last attempt the job is
 * dead-lettered and its document marked failed.
 */
@Injectable()
export class OcrJobsConsumer extends ConsumerHost<OcrJob> {
  constructor(
    @Inject(OCR_CONFIG) private readonly config: OcrConfig,
    private readonly reading: ReadDocumentService,
  ) {
    super();
  }

  protected consumerToRun(): HostedConsumer<OcrJob> {
    const { workers, ackWaitMs, maxDeliver } = this.config.reading;
    return {
      declared: declaredConsumer(OCR_CONTRACTS, 'ocr-workers'),
      options: { concurrency: workers, ackWaitMs, maxDeliver, onGiveUp: (event, reason) => this.reading.giveUp(event, reason) },
      handlers: { [SUBJECTS.ocrJobRequested]: (_job, event, delivery) => this.reading.handle(event, delivery) },
    };
  }
}
