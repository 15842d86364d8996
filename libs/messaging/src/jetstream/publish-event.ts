import type { JetStreamClient, PubAck } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';
import type { EventMap, EventOf, EventSubject } from '@irp/contracts';
import { injectTraceContext } from '../trace-context';

/** The `v<n>` suffix of a subject. */
function versionOf(subject: string): number {
  return Number(/\.v(\d+)$/.exec(subject)?.[1] ?? 1);
}

/** A new event envelope for a subject; its payload type is the subject's (libs/contracts EventMap). */
export function createEvent<S extends EventSubject>(subject: S, userId: string, data: EventMap[S]): EventOf<S> {
  return { id: randomUUID(), type: subject, version: versionOf(subject), occurredAt: new Date().toISOString(), subject: { userId }, data };
}

/**
 * Publishes an event straight to JetStream, with `Nats-Msg-Id` = event id and the active trace.
 * Only for events that announce no database change of the publisher: those go through
 * recordEvent() (the outbox), or a crash between commit and publish would lose them.
 */
export function publishEvent<S extends EventSubject>(js: JetStreamClient, event: EventOf<S>): Promise<PubAck> {
  return js.publish(event.type, JSON.stringify(event), { msgID: event.id, headers: injectTraceContext() });
}
