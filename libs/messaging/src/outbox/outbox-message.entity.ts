import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { EventEnvelope } from '@irp/contracts';

/**
 * An event written in the same transaction as the state change it announces; the relay
 * publishes it to JetStream afterwards. Lives in the owning service's schema.
 */
@Entity({ tableName: 'outbox' })
@Index({ properties: ['publishedAt', 'seq'] })
export class OutboxMessage {
  /** Insertion order: the relay publishes in it. */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  seq!: string;

  @Property({ type: 'uuid', unique: true })
  eventId: string;

  @Property({ type: 'text' })
  subject: string;

  @Property({ type: 'json' })
  payload: EventEnvelope;

  /** W3C trace context of the transaction that wrote it, so consumers continue the same trace. */
  @Property({ type: 'json', nullable: true })
  traceContext: Record<string, string> | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;

  constructor(payload: EventEnvelope, traceContext: Record<string, string> | null) {
    this.eventId = payload.id;
    this.subject = payload.type;
    this.payload = payload;
    this.traceContext = traceContext;
  }
}
