import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { NatsConnection } from '@nats-io/transport-node';
import { OCR_CONTRACTS, SUBJECTS } from '@irp/contracts';
import { declaredConsumer, DurableConsumer, ensureStreamExists, NATS_CONNECTION } from '@irp/messaging';
import { OCR_CONFIG, type OcrConfig } from '../config/env';
import { ReadDocumentService } from './read-document.service';

/**
 * Takes jobs from the OCR_JOBS work queue, as many at once as there are OCR workers: explicit acks,
 * heartbeats while reading, redelivery when a worker dies, and after the last attempt the job is
 * dead-lettered and its document marked failed.
 */
@Injectable()
export class OcrJobsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer?: DurableConsumer<typeof SUBJECTS.ocrJobRequested>;

  constructor(
    @Inject(OCR_CONFIG) private readonly config: OcrConfig,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly orm: MikroORM,
    private readonly reading: ReadDocumentService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { stream, spec } = declaredConsumer(OCR_CONTRACTS, 'ocr-workers');
    await ensureStreamExists(this.nc, stream);
    const { workers, ackWaitMs, maxDeliver } = this.config.reading;
    this.consumer = await DurableConsumer.start(
      this.nc,
      this.orm,
      {
        ...spec,
        concurrency: workers,
        ackWaitMs,
        maxDeliver,
        onGiveUp: (event, reason) => this.reading.giveUp(event, reason),
      },
      { [SUBJECTS.ocrJobRequested]: (_job, event, delivery) => this.reading.handle(event, delivery) },
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
