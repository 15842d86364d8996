import type { EventMap, EventOf, EventSubject, ServiceContracts, StreamDefinition } from '@irp/contracts';

export interface DeliveryInfo {
  /** 1 on first delivery. */
  deliveryCount: number;
  /** Tells the server the job is still being worked on (resets its ack wait). */
  heartbeat(): void;
}

/**
 * Applies one event of subject S inside the consumer's transaction, given its validated payload.
 * It may return a function to run once that transaction has committed (announcing the new state,
 * say), never before.
 */
export type EventHandlerOf<S extends EventSubject> = (data: EventMap[S], event: EventOf<S>, delivery: DeliveryInfo) => Promise<void | (() => void)>;

/** A consumer's handlers, one per event subject it applies; each only compiles with its subject's payload. */
export type EventHandlers<S extends EventSubject = EventSubject> = { [K in S]: EventHandlerOf<K> };

/**
 * Thrown by a handler when the event's user does not own the resource it names (an
 * `extraction.completed` for another user's document, say): the event is dead-lettered, never applied.
 */
export class OwnerMismatch extends Error {
  constructor(resource: string) {
    super(`the event's user does not own ${resource}`);
    this.name = 'OwnerMismatch';
  }
}

/** Throws OwnerMismatch unless the event was published on behalf of the resource's owner. */
export function assertOwner(event: { subject: { userId: string } }, ownerId: string, resource: string): void {
  if (event.subject.userId !== ownerId) throw new OwnerMismatch(resource);
}

type DeclaredConsumers<C extends ServiceContracts> = NonNullable<NonNullable<C['uses']>['consumers']>;

/**
 * The stream, durable name and filter of a consumer its service declares in its contracts (where
 * its bus permissions come from): the name is written once, and a name not declared does not compile.
 */
export function declaredConsumer<C extends ServiceContracts, D extends keyof DeclaredConsumers<C> & string>(
  contracts: C,
  durable: D,
): { stream: StreamDefinition; spec: { stream: string; durable: D; filterSubject: string } } {
  const consumer = contracts.uses?.consumers?.[durable];
  if (!consumer) throw new Error(`${contracts.service} declares no consumer ${durable}`);
  return { stream: consumer.stream, spec: { stream: consumer.stream.name, durable, filterSubject: consumer.filter } };
}
