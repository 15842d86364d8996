import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { EventMap, EventOf, EventSubject } from '@irp/contracts';
import { recordEvent } from './record-event';

/** Records domain events in the outbox of the running UnitOfWork; the relay publishes them once it commits. */
@Injectable()
export class Outbox {
  constructor(private readonly em: EntityManager) {}

  record<S extends EventSubject>(subject: S, userId: string, data: EventMap[S]): EventOf<S> {
    // Outside a transaction the row would wait for a flush that may never come: the event would be lost.
    if (!this.em.isInTransaction()) throw new Error(`${subject} recorded outside UnitOfWork.run()`);
    return recordEvent(this.em, subject, userId, data);
  }
}
