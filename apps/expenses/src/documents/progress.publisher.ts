import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { PROGRESS_SUBJECTS, type DocumentProgress } from '@irp/contracts';
import { NATS_CONNECTION } from '@irp/messaging';
import type { Document } from './document.entity';

/** Ephemeral progress on core NATS (for the SSE stream); losing one is harmless, the state is in the database. */
@Injectable()
export class ProgressPublisher {
  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection) {}

  publish(document: Document): void {
    const progress: DocumentProgress = {
      documentId: document.id,
      status: document.status,
      progress: document.progress,
      expenseId: document.expenseId,
      failureReason: document.failureReason,
    };
    this.nc.publish(PROGRESS_SUBJECTS.expenses(document.id), JSON.stringify(progress));
  }
}
