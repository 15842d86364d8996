import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { PROGRESS_SUBJECTS, type DocumentProgress } from '@irp/contracts';
import { NATS_CONNECTION } from '@irp/messaging';
import type { Document } from './document.entity';

/** A progress announcement, made once the change it tells of has committed. */
export type Announcement = () => void;

/**
 * The one publisher of a document's progress from this service: ephemeral, on core NATS (for the
 * SSE stream); losing one is harmless, the state is in the database.
 */
@Injectable()
export class ProgressPublisher {
  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection) {}

  /** The document's state as it is now, to publish after the transaction that changed it commits. */
  announcement(document: Document): Announcement {
    const progress: DocumentProgress = {
      documentId: document.id,
      status: document.status,
      progress: document.progress,
      expenseId: document.expenseId,
      failureReason: document.failureReason,
    };
    return () => this.nc.publish(PROGRESS_SUBJECTS.expenses(document.id), JSON.stringify(progress));
  }
}
