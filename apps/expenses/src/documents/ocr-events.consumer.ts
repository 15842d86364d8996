import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { NatsConnection } from '@nats-io/transport-node';
import { STREAMS, SUBJECTS, type EventEnvelope, type ExtractionCompleted, type ExtractionFailed, type ExtractionStarted } from '@irp/contracts';
import { DurableConsumer, ensureStream, NATS_CONNECTION } from '@irp/messaging';
import { ExtractionIntake } from './extraction-intake';

/** Subscribes expenses to the ocr service's events (stream OCR), applying each once. */
@Injectable()
export class OcrEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer?: DurableConsumer;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly orm: MikroORM,
    private readonly intake: ExtractionIntake,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensureStream(this.nc, STREAMS.OCR);
    this.consumer = await DurableConsumer.start(
      this.nc,
      this.orm,
      { stream: STREAMS.OCR.name, durable: 'expenses-documents', filterSubject: 'ocr.events.>', concurrency: 4 },
      (event) => this.apply(event),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }

  private apply(event: EventEnvelope): Promise<(() => void) | void> {
    switch (event.type) {
      case SUBJECTS.extractionStarted:
        return this.intake.started(event.data as ExtractionStarted);
      case SUBJECTS.extractionCompleted:
        return this.intake.completed(event.data as ExtractionCompleted);
      case SUBJECTS.extractionFailed:
        return this.intake.failed(event.data as ExtractionFailed);
      default:
        return Promise.resolve(); // a newer event type: not ours to handle yet
    }
  }
}
