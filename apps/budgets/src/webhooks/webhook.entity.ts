import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';

/** Where a user's alert events are POSTed, signed with the webhook's secret. */
@Entity({ tableName: 'webhook' })
@Index({ properties: ['userId', 'createdAt'] })
export class Webhook {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  userId: string;

  @Property({ type: 'text' })
  url: string;

  @Property({ type: 'text', nullable: true })
  description: string | null;

  /** The HMAC key; shown once at creation, never logged or listed. */
  @Property({ type: 'text', hidden: true })
  secret: string;

  @Property({ type: 'boolean' })
  enabled = true;

  @Property({ type: 'text', nullable: true })
  disabledReason: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  constructor(userId: string, url: string, secret: string, description: string | null) {
    this.userId = userId;
    this.url = url;
    this.secret = secret;
    this.description = description;
  }
}
