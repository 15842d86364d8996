import { ArrayType } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { newInboxToken } from './inbox-token';

/** A user's private inbound address (`<token>@<domain>`) and who may send to it. */
@Entity({ tableName: 'inbound_address' })
export class Inbox {
  @PrimaryKey({ type: 'uuid' })
  userId: string;

  /** The local part of the address; a rotation replaces it, and the old one is refused from then on. */
  @Property({ type: 'text', unique: true })
  token: string = newInboxToken();

  /** Lower-cased addresses or `@domain`s; empty: anyone. */
  @Property({ type: ArrayType, defaultRaw: `'{}'` })
  allowedSenders: string[] = [];

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  constructor(userId: string) {
    this.userId = userId;
  }

  rotate(): void {
    this.token = newInboxToken();
  }
}
