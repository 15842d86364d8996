import { BigIntType } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';
import type { AfterProcessing, MailboxState } from '@irp/contracts';

/** Longest wait between attempts at a mailbox that keeps failing. */
const MAX_BACKOFF_MS = 60 * 60_000;

/** An IMAP mailbox of a user, where receipts are fetched from; what was taken is marked by UIDVALIDITY and the last UID. */
@Entity({ tableName: 'mailbox' })
@Index({ properties: ['nextSyncAt'] })
@Index({ properties: ['userId', 'createdAt'] })
export class Mailbox {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  userId: string;

  @Property({ type: 'text' })
  host!: string;

  @Property({ type: 'integer' })
  port!: number;

  @Property({ type: 'boolean' })
  tls!: boolean;

  @Property({ type: 'text' })
  username!: string;

  /** The password sealed with the credential keys (CredentialCipher), never in the clear. */
  @Property({ type: 'text', hidden: true })
  passwordSealed!: string;

  @Property({ type: 'text' })
  folder: string = 'INBOX';

  @Property({ type: 'text', nullable: true })
  senderFilter: string | null = null;

  @Property({ type: 'text', nullable: true })
  subjectFilter: string | null = null;

  @Property({ type: 'text' })
  afterProcessing: AfterProcessing = 'seen';

  @Property({ type: 'text', nullable: true })
  moveTo: string | null = null;

  @Property({ type: 'text' })
  state: MailboxState = 'pending';

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'integer' })
  failures: number = 0;

  /** The folder's UIDVALIDITY when lastUid was taken; a new one means the UIDs start over. */
  @Property({ type: new BigIntType('number'), nullable: true })
  uidValidity: number | null = null;

  /** Messages up to this UID have been taken. */
  @Property({ type: new BigIntType('number') })
  lastUid: number = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  nextSyncAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastSyncedAt: Date | null = null;

  /** The replica syncing it, until leaseUntil: one at a time. */
  @Property({ type: 'text', nullable: true })
  leaseOwner: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  leaseUntil: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  constructor(userId: string) {
    this.userId = userId;
  }

  /** Taken up to `lastUid` of the folder at `uidValidity`; next look after `pollMs`. */
  synced(uidValidity: number, lastUid: number, pollMs: number): void {
    this.uidValidity = uidValidity;
    this.lastUid = lastUid;
    this.state = 'ok';
    this.lastError = null;
    this.failures = 0;
    this.lastSyncedAt = new Date();
    this.nextSyncAt = new Date(Date.now() + pollMs);
  }

  /** Changed by its owner: tried again now; pointing elsewhere (host, user, folder), read from the start. */
  reconfigured(elsewhere: boolean): void {
    if (elsewhere) {
      this.uidValidity = null;
      this.lastUid = 0;
    }
    this.state = 'pending';
    this.lastError = null;
    this.failures = 0;
    this.nextSyncAt = new Date();
  }

  /** Could not connect, log in or read: shown on the mailbox, tried again later and later. */
  failed(reason: string, pollMs: number): void {
    this.state = 'failing';
    this.lastError = reason.slice(0, 500);
    this.failures += 1;
    this.nextSyncAt = new Date(Date.now() + Math.min(MAX_BACKOFF_MS, pollMs * 2 ** Math.min(this.failures, 10)));
  }
}
