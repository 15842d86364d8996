import { Injectable } from '@nestjs/common';
import { EXPENSES_CONTRACTS, SUBJECTS } from '@irp/contracts';
import { ConsumerHost, declaredConsumer, type HostedConsumer } from '@irp/messaging';
import { ExtractionIntake } from './extraction-intake';

type OcrEvent = typeof SUBJECTS.extractionStarted | typeof SUBJECTS.extractionCompleted | typeof SUBJECTS.extractionFailed;

/** Subscribes expenses to the ocr service's events (stream OCR), applying each once. */
@Injectable()
export class OcrEventsConsumer extends ConsumerHost<OcrEvent> {
  constructor(private readonly intake: ExtractionIntake) {
    super();
  }

  protected consumerToRun(): HostedConsumer<OcrEvent> {
    return {
      declared: declaredConsumer(EXPENSES_CONTRACTS, 'expenses-documents'),
      options: { concurrency: 4 },
      handlers: {
        [SUBJECTS.extractionStarted]: (data, event) => this.intake.started(data, event.subject.userId),
        [SUBJECTS.extractionCompleted]: (data, event) => this.intake.completed(data, event.subject.userId),
        [SUBJECTS.extractionFailed]: (data, event) => this.intake.failed(data, event.subject.userId),
      },
    };
  }
}
