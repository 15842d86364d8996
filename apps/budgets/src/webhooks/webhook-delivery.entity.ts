import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';
import type { DeliveryStatus } from '@irp/contracts';

export interface DeliveryAttempt {
  at: string;
  statusCode: number | null;
  error: string | null;
}

/**
 * One event to send to one webhook, with its attempts. Due rows are claimed with
 * FOR UPDATE SKIP LOCKED, so replicas share the work and never send a delivery twice at once.
 */
@Entity({ tableName: 'webhook_delivery' })
@Index({ name: 'webhook_delivery_due', properties: ['status', 'nextAttemptAt'] })
@Index({ properties: ['webhookId', 'createdAt'] })
export class WebhookDelivery {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  webhookId: string;

  @Property({ type: 'uuid' })
  userId: string;

  @Property({ type: 'uuid' })
  eventId: string;

  @Property({ type: 'text' })
  eventType: string;

  /** The exact body sent (and signed) on every attempt. */
  @Property({ type: 'text' })
  body: string;

  @Property({ type: 'text' })
  status: DeliveryStatus = 'pending';

  @Property({ type: 'integer' })
  attempts = 0;

  @Property({ type: 'integer', nullable: true })
  lastStatusCode: number | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null = new Date();

  @Property({ type: 'json' })
  log: DeliveryAttempt[] = [];

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  constructor(webhookId: string, userId: string, eventId: string, eventType: string, body: string) {
    this.webhookId = webhookId;
    this.userId = userId;
    this.eventId = eventId;
    this.eventType = eventType;
    this.body = body;
  }
}
