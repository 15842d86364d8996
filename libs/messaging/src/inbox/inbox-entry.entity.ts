import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** An event a consumer has applied; written in the same transaction as the effect. */
@Entity({ tableName: 'inbox' })
export class InboxEntry {
  @PrimaryKey({ type: 'text' })
  consumer: string;

  @PrimaryKey({ type: 'uuid' })
  eventId: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  handledAt: Date = new Date();

  constructor(consumer: string, eventId: string) {
    this.consumer = consumer;
    this.eventId = eventId;
  }
}
