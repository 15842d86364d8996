import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { BlobStore } from '@irp/blob-store';
import type { ListMailMessagesRequest, MailMessagePage, MailMessageView } from '@irp/contracts';
import { getLogger } from '@irp/observability';
import { decodeKeysetCursor, encodeKeysetCursor } from '@irp/persistence';
import { MailMessage, type MailChannel } from './mail-message.entity';
import { toMailMessageView } from './mail-message.mapper';
import { MailMessageRepository } from './mail-message.repository';
import { MailMessagesErrors } from './mail-messages.errors';
import { NewMailSignal } from './new-mail.signal';
import { headerBlock, headerValue } from '../parsing/mime-problems';
import { RAW_MESSAGES } from './raw-messages.store';

const DEFAULT_PAGE_SIZE = 50;

export interface IncomingMail {
  userId: string;
  channel: MailChannel;
  raw: Buffer;
  envelopeFrom: string | null;
  /** Where IMAP found it: taken once per mailbox, UIDVALIDITY and UID. */
  imap?: { mailboxId: string; uidValidity: number; uid: number };
}

/** Received messages: kept once each, listed, released from quarantine or dropped. */
@Injectable()
export class MailMessagesService {
  private readonly log = getLogger(MailMessagesService.name);

  constructor(
    private readonly messages: MailMessageRepository,
    @Inject(RAW_MESSAGES) private readonly raw: BlobStore,
    private readonly signal: NewMailSignal,
  ) {}

  /**
   * Keeps a message for its workers to file (bytes first, then the row: no row without bytes).
   * The same message again (by Message-ID, or by bytes without one) is not kept twice. Resolves
   * once it is stored durably, so a sender told "accepted" can forget it.
   */
  async accept(mail: IncomingMail): Promise<{ id: string; duplicate: boolean }> {
    const dedupeKey = dedupeKeyOf(mail.raw);
    if (await this.messages.exists(mail.userId, dedupeKey)) return { id: '', duplicate: true };
    const message = new MailMessage({ userId: mail.userId, channel: mail.channel, dedupeKey, size: mail.raw.length, envelopeFrom: mail.envelopeFrom });
    if (mail.imap) Object.assign(message, mail.imap);
    const objectName = message.objectName as string;
    await this.raw.put(objectName, mail.raw, { maxBytes: mail.raw.length, contentType: 'message/rfc822' });
    if (!(await this.messages.add(message))) {
      await this.raw.delete(objectName).catch((error: unknown) => this.log.warn({ err: error, objectName }, 'could not delete a duplicate message'));
      return { id: '', duplicate: true };
    }
    this.log.info({ messageId: message.id, channel: mail.channel, size: message.size }, 'message received');
    this.signal.raise();
    return { id: message.id, duplicate: false };
  }

  async list(request: ListMailMessagesRequest): Promise<MailMessagePage> {
    const limit = Number(request.limit ?? DEFAULT_PAGE_SIZE);
    const after = request.cursor ? decodeKeysetCursor(request.cursor) : undefined;
    if (after === null) throw MailMessagesErrors.badCursor();
    const rows = await this.messages.page(request.userId, limit, request.status, after);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map(toMailMessageView), nextCursor: rows.length > limit ? encodeKeysetCursor(last.receivedAt, last.id) : null };
  }

  async get(userId: string, id: string): Promise<MailMessageView> {
    return toMailMessageView(await this.owned(userId, id));
  }

  async release(userId: string, id: string): Promise<MailMessageView> {
    const message = await this.owned(userId, id);
    if (message.status !== 'quarantined') throw MailMessagesErrors.notQuarantined();
    message.release();
    await this.messages.flush();
    this.signal.raise();
    return toMailMessageView(message);
  }

  async drop(userId: string, id: string): Promise<MailMessageView> {
    const message = await this.owned(userId, id);
    if (message.status !== 'quarantined' && message.status !== 'failed') throw MailMessagesErrors.notDroppable();
    const objectName = message.objectName;
    message.drop();
    await this.messages.flush();
    if (objectName) await this.raw.delete(objectName).catch((error: unknown) => this.log.warn({ err: error, objectName }, 'could not delete a dropped message'));
    return toMailMessageView(message);
  }

  private async owned(userId: string, id: string): Promise<MailMessage> {
    const message = await this.messages.findOwned(userId, id);
    if (!message) throw MailMessagesErrors.notFound();
    return message;
  }
}

/** The Message-ID when there is one (a relay's retry, the same mail by SMTP and IMAP), else the bytes' hash. */
export function dedupeKeyOf(raw: Buffer): string {
  const messageId = headerValue(headerBlock(raw), 'message-id');
  if (messageId && messageId.length <= 998) return messageId;
  return `sha256:${createHash('sha256').update(raw).digest('hex')}`;
}
