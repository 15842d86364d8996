import { Inject, Injectable } from '@nestjs/common';
import type { InboxView } from '@irp/contracts';
import { getLogger } from '@irp/observability';
import { MAIL_INGEST_CONFIG, type MailIngestConfig } from '../config/env';
import { Inbox } from './inbox.entity';
import { InboxRepository } from './inbox.repository';
import { INBOX_TOKEN_PATTERN } from './inbox-token';

@Injectable()
export class InboxService {
  private readonly log = getLogger(InboxService.name);

  constructor(
    @Inject(MAIL_INGEST_CONFIG) private readonly config: MailIngestConfig,
    private readonly inboxes: InboxRepository,
  ) {}

  async get(userId: string): Promise<InboxView> {
    return this.toView(await this.inboxes.findOrCreate(userId));
  }

  async rotate(userId: string): Promise<InboxView> {
    const inbox = await this.inboxes.findOrCreate(userId);
    inbox.rotate();
    await this.inboxes.flush();
    this.log.info({ userId }, 'inbound address rotated');
    return this.toView(inbox);
  }

  async setAllowedSenders(userId: string, allowedSenders: string[]): Promise<InboxView> {
    const inbox = await this.inboxes.findOrCreate(userId);
    inbox.allowedSenders = [...new Set(allowedSenders.map((sender) => sender.trim().toLowerCase()))];
    await this.inboxes.flush();
    return this.toView(inbox);
  }

  /** Who may send to the user (empty: anyone). */
  async allowedSendersOf(userId: string): Promise<string[]> {
    return (await this.inboxes.findByUser(userId))?.allowedSenders ?? [];
  }

  /** The inbox an address delivers to, or null: another domain, an unknown or a rotated-away token. */
  async findByAddress(address: string): Promise<Inbox | null> {
    const at = address.lastIndexOf('@');
    const token = address.slice(0, at).toLowerCase();
    const domain = address.slice(at + 1).toLowerCase();
    if (at < 1 || domain !== this.config.smtp.domain || !INBOX_TOKEN_PATTERN.test(token)) return null;
    return this.inboxes.findByToken(token);
  }

  private toView(inbox: Inbox): InboxView {
    return { address: `${inbox.token}@${this.config.smtp.domain}`, allowedSenders: inbox.allowedSenders, createdAt: inbox.createdAt.toISOString() };
  }
}
