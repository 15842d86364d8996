import { ArrayType, BigIntType } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';
import type { AuthenticationResults, MailMessageStatus, MailProvenance } from '@irp/contracts';

export type MailChannel = 'smtp' | 'imap';

/** One received message and what became of it. Its bytes wait in the mail-messages bucket until it is filed or dropped. */
@Entity({ tableName: 'message' })
@Unique({ properties: ['userId', 'dedupeKey'] })
@Unique({ properties: ['mailboxId', 'uidValidity', 'uid'] })
@Index({ properties: ['userId', 'receivedAt', 'id'] })
@Index({ properties: ['status', 'claimedUntil'] })
export class MailMessage {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  userId: string;

  @Property({ type: 'text' })
  channel: MailChannel;

  /** Its Message-ID, or `sha256:<hex>` of the bytes when it has none: the same message delivered twice is kept once. */
  @Property({ type: 'text' })
  dedupeKey: string;

  /** The bytes as received; null once filed or dropped. */
  @Property({ type: 'text', nullable: true })
  objectName: string | null;

  @Property({ type: 'integer' })
  size: number;

  /** The SMTP envelope's sender (MAIL FROM); the From header may differ. */
  @Property({ type: 'text', nullable: true })
  envelopeFrom: string | null = null;

  /** Fetched by IMAP: the mailbox, its UIDVALIDITY and the message's UID there (each taken once). */
  @Property({ type: 'uuid', nullable: true })
  mailboxId: string | null = null;

  @Property({ type: new BigIntType('number'), nullable: true })
  uidValidity: number | null = null;

  @Property({ type: new BigIntType('number'), nullable: true })
  uid: number | null = null;

  @Property({ type: 'text' })
  status: MailMessageStatus = 'received';

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Property({ type: 'json' })
  provenance: MailProvenance = { sender: null, subject: null, date: null, messageId: null };

  @Property({ type: 'json' })
  authentication: AuthenticationResults = { spf: null, dkim: null, dmarc: null };

  /** The user let it through from quarantine: the sender rules no longer apply to it. */
  @Property({ type: 'boolean' })
  released: boolean = false;

  @Property({ type: ArrayType, defaultRaw: `'{}'` })
  documentIds: string[] = [];

  /** Processing attempts so far (transient failures are retried with back-off). */
  @Property({ type: 'integer' })
  attempts: number = 0;

  /** A worker holds it until then; after, another may take it (the first one died). */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  claimedUntil: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  receivedAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  constructor(props: { userId: string; channel: MailChannel; dedupeKey: string; size: number; envelopeFrom: string | null }) {
    this.userId = props.userId;
    this.channel = props.channel;
    this.dedupeKey = props.dedupeKey;
    this.size = props.size;
    this.envelopeFrom = props.envelopeFrom;
    this.objectName = `${props.userId}/${this.id}`;
  }

  fileAs(documentIds: string[]): void {
    this.settle('processed', null);
    this.documentIds = documentIds;
  }

  quarantine(reason: string): void {
    this.settle('quarantined', reason);
  }

  fail(reason: string): void {
    this.settle('failed', reason);
  }

  /** Back in the queue, for its sender rules to be skipped. */
  release(): void {
    this.released = true;
    this.settle('received', null);
  }

  drop(): void {
    this.settle('dropped', this.reason);
    this.objectName = null;
  }

  private settle(status: MailMessageStatus, reason: string | null): void {
    this.status = status;
    this.reason = reason;
    this.claimedUntil = null;
  }
}
