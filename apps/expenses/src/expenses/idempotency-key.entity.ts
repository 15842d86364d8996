import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { ExpenseView } from '@irp/contracts';

/**
 * A create request made with an Idempotency-Key: a retry with the same key and body gets the first
 * answer again instead of a second expense. Written in the transaction that creates the expense.
 */
@Entity({ tableName: 'idempotency_key' })
export class IdempotencyKey {
  @PrimaryKey({ type: 'uuid' })
  userId: string;

  @PrimaryKey({ type: 'text' })
  key: string;

  /** SHA-256 of the request body: the same key with another body is a client bug, refused. */
  @Property({ type: 'text' })
  requestHash: string;

  @Property({ type: 'json' })
  response: ExpenseView;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  constructor(userId: string, key: string, requestHash: string, response: ExpenseView) {
    this.userId = userId;
    this.key = key;
    this.requestHash = requestHash;
    this.response = response;
  }
}
