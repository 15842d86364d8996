import type { EntityManager } from '@mikro-orm/core';
import type { EventMap, EventOf, EventSubject } from '@irp/contracts';
import { createEvent } from '../jetstream/publish-event';
import { traceCarrier } from '../trace-context';
import { OutboxMessage } from './outbox-message.entity';

/**
 * Records a domain event in the outbox of the current unit of work: it is committed with the
 * state change or not at all, then published by the relay. Services use Outbox.record inside UnitOfWork.run.
 */
export function recordEvent<S extends EventSubject>(em: EntityManager, subject: S, userId: string, data: EventMap[S]): EventOf<S> {
  const event = createEvent(subject, userId, data);
  em.persist(new OutboxMessage(event, traceCarrier()));
  return event;
}
