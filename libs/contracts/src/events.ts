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

export interface StreamDefinition {
  name: string;
  subjects: readonly string[];
  /** `workqueue`: a message is gone once a consumer acks it (jobs); `limits`: kept for every subscriber (events). */
  retention: 'limits' | 'workqueue';
}

/** Where consumers put what they gave up on: `dlq.<stream>.<consumer>` (created by libs/messaging). */
export const DEAD_LETTER_STREAM_NAME = 'DLQ';

/** One JetStream stream per owning service, plus the OCR work queue; events are only ever extended compatibly. */
export const STREAMS = {
  AUTH: { name: 'AUTH', subjects: ['auth.events.>'], retention: 'limits' },
  EXPENSES: { name: 'EXPENSES', subjects: ['expenses.events.>'], retention: 'limits' },
  OCR: { name: 'OCR', subjects: ['ocr.events.>'], retention: 'limits' },
  OCR_JOBS: { name: 'OCR_JOBS', subjects: ['ocr.jobs.>'], retention: 'workqueue' },
  BUDGETS: { name: 'BUDGETS', subjects: ['budgets.events.>'], retention: 'limits' },
  TAX: { name: 'TAX', subjects: ['tax.events.>'], retention: 'limits' },
  MAIL_INGEST: { name: 'MAIL_INGEST', subjects: ['mail-ingest.events.>'], retention: 'limits' },
} as const satisfies Record<string, StreamDefinition>;
export type StreamName = keyof typeof STREAMS;
