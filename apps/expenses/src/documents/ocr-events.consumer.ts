import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { NatsConnection } from '@nats-io/transport-node';
import { EXPENSES_CONTRACTS, SUBJECTS } from '@irp/contracts';
import { declaredConsumer, DurableConsumer, ensureStreamExists, NATS_CONNECTION } from '@irp/messaging';
import { ExtractionIntake } from './extraction-intake';

type OcrEvent = typeof SUBJECTS.extractionStarted | typeof SUBJECTS.extractionCompleted | typeof SUBJECTS.extractionFailed;

/** Subscribes expenses to the ocr service's events (stream OCR), applying each once. */
@Injectable()
export class OcrEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer?: DurableConsumer<OcrEvent>;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly orm: MikroORM,
    private readonly intake: ExtractionIntake,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { stream, spec } = declaredConsumer(EXPENSES_CONTRACTS, 'expenses-documents');
    await ensureStreamExists(this.nc, stream);
    this.consumer = await DurableConsumer.start(
      this.nc,
      this.orm,
      { ...spec, concurrency: 4 },
      {
        [SUBJECTS.extractionStarted]: (data, event) => this.intake.started(data, event.subject.userId),
        [SUBJECTS.extractionCompleted]: (data, event) => this.intake.completed(data, event.subject.userId),
        [SUBJECTS.extractionFailed]: (data, event) => this.intake.failed(data, event.subject.userId),
      },
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
