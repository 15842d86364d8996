import type { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { EventMap, EventOf, EventSubject } from '@irp/contracts';
import { traceCarrier } from '../trace-context';
import { OutboxMessage } from './outbox-message.entity';

/** The `v<n>` suffix of a subject. */
function versionOf(subject: string): number {
  return Number(/\.v(\d+)$/.exec(subject)?.[1] ?? 1);
}

/**
 * Records a domain event in the outbox of the current unit of work: it is committed with the
 * state change or not at all, then published by the relay. Call inside `em.transactional()`.
 */
export function recordEvent<S extends EventSubject>(em: EntityManager, subject: S, userId: string, data: EventMap[S]): EventOf<S> {
  const event: EventOf<S> = {
    id: randomUUID(),
    type: subject,
    version: versionOf(subject),
    occurredAt: new Date().toISOString(),
    subject: { userId },
    data,
  };
  em.persist(new OutboxMessage(event, traceCarrier()));
  return event;
}
