/** Every domain event on JetStream has this shape; `data` is the event's own payload. */
export interface EventEnvelope<TData = unknown> {
  /** Unique per event; also the JetStream `Nats-Msg-Id`, so republishing is deduplicated. */
  id: string;
  /** The subject it was published on, e.g. `auth.events.user.registered.v1`. */
  type: string;
  version: number;
  occurredAt: string;
  subject: { userId: string };
  data: TData;
}

/** One JetStream stream per owning service; events are only ever extended compatibly. */
export const STREAMS = {
  AUTH: { name: 'AUTH', subjects: ['auth.events.>'] },
  EXPENSES: { name: 'EXPENSES', subjects: ['expenses.events.>'] },
} as const;
export type StreamName = keyof typeof STREAMS;
