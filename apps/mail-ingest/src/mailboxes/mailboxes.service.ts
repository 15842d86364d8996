import { Inject, Injectable } from '@nestjs/common';
import type { CreateMailboxRequest, MailboxTestResult, MailboxView, UpdateMailboxRequest } from '@irp/contracts';
import { getLogger } from '@irp/observability';
import { MAIL_INGEST_CONFIG, type MailIngestConfig } from '../config/env';
import { ForbiddenHostError, resolveImapHost } from './imap-host-guard';
import { describeImapError, openImapSession } from './imap-session';
import { MailboxCredentials } from './mailbox-credentials';
import { Mailbox } from './mailbox.entity';
import { MailboxRepository } from './mailbox.repository';
import { MailboxesErrors } from './mailboxes.errors';

const MAX_MAILBOXES_PER_USER = 10;

export function toMailboxView(mailbox: Mailbox): MailboxView {
  return {
    id: mailbox.id,
    host: mailbox.host,
    port: mailbox.port,
    tls: mailbox.tls,
    username: mailbox.username,
    folder: mailbox.folder,
    senderFilter: mailbox.senderFilter,
    subjectFilter: mailbox.subjectFilter,
    afterProcessing: mailbox.afterProcessing,
    moveTo: mailbox.moveTo,
    state: mailbox.state,
    lastError: mailbox.lastError,
    lastSyncedAt: mailbox.lastSyncedAt?.toISOString() ?? null,
    createdAt: mailbox.createdAt.toISOString(),
  };
}

/** A user's IMAP mailboxes: added with their password sealed, listed with their state, tested, removed. */
@Injectable()
export class MailboxesService {
  private readonly log = getLogger(MailboxesService.name);

  constructor(
    @Inject(MAIL_INGEST_CONFIG) private readonly config: MailIngestConfig,
    private readonly mailboxes: MailboxRepository,
    private readonly credentials: MailboxCredentials,
  ) {}

  async create(request: CreateMailboxRequest): Promise<MailboxView> {
    if (!this.credentials.enabled) throw MailboxesErrors.disabled();
    if (request.afterProcessing === 'move' && !request.moveTo) throw MailboxesErrors.moveToMissing();
    await this.checkHost(request.host);
    if ((await this.mailboxes.countOwned(request.userId)) >= MAX_MAILBOXES_PER_USER) throw MailboxesErrors.tooMany(MAX_MAILBOXES_PER_USER);
    const mailbox = Object.assign(new Mailbox(request.userId), {
      host: request.host.toLowerCase(),
      port: request.port,
      tls: request.tls,
      username: request.username,
      folder: request.folder ?? 'INBOX',
      senderFilter: request.senderFilter ?? null,
      subjectFilter: request.subjectFilter ?? null,
      afterProcessing: request.afterProcessing ?? 'seen',
      moveTo: request.moveTo ?? null,
    });
    this.credentials.seal(mailbox, request.password);
    await this.mailboxes.add(mailbox);
    this.log.info({ mailboxId: mailbox.id }, 'mailbox added');
    return toMailboxView(mailbox);
  }

  async list(userId: string): Promise<MailboxView[]> {
    return (await this.mailboxes.listOwned(userId)).map(toMailboxView);
  }

  async get(userId: string, id: string): Promise<MailboxView> {
    return toMailboxView(await this.owned(userId, id));
  }

  async update(request: UpdateMailboxRequest): Promise<MailboxView> {
    const mailbox = await this.owned(request.userId, request.mailboxId);
    if (!this.credentials.enabled) throw MailboxesErrors.disabled();
    if (request.host !== undefined) await this.checkHost(request.host);
    const { userId: _userId, mailboxId: _mailboxId, password, ...changes } = request;
    const elsewhere = ['host', 'port', 'username', 'folder'].some((field) => field in changes && changes[field as keyof typeof changes] !== mailbox[field as keyof Mailbox]);
    Object.assign(mailbox, { ...changes, ...(changes.host && { host: changes.host.toLowerCase() }) });
    if (mailbox.afterProcessing === 'move' && !mailbox.moveTo) throw MailboxesErrors.moveToMissing();
    if (password !== undefined) this.credentials.seal(mailbox, password);
    mailbox.reconfigured(elsewhere);
    await this.mailboxes.flush();
    return toMailboxView(mailbox);
  }

  async delete(userId: string, id: string): Promise<void> {
    await this.mailboxes.remove(await this.owned(userId, id));
  }

  /** Connects, logs in and opens the folder now; the answer says what went wrong, in the server's words. */
  async test(userId: string, id: string): Promise<MailboxTestResult> {
    const mailbox = await this.owned(userId, id);
    if (!this.credentials.enabled) throw MailboxesErrors.disabled();
    try {
      const client = await openImapSession(this.credentials.targetOf(mailbox), this.config.imap.allowPrivateHosts);
      try {
        const status = await client.status(mailbox.folder, { messages: true });
        return { ok: true, error: null, messages: status ? (status.messages ?? null) : null };
      } finally {
        await client.logout().catch(() => client.close());
      }
    } catch (error) {
      return { ok: false, error: describeImapError(error), messages: null };
    }
  }

  private async checkHost(host: string): Promise<void> {
    try {
      await resolveImapHost(host, this.config.imap.allowPrivateHosts);
    } catch (error) {
      if (error instanceof ForbiddenHostError) throw MailboxesErrors.forbiddenHost(error.message);
      throw MailboxesErrors.unknownHost(host);
    }
  }

  private async owned(userId: string, id: string): Promise<Mailbox> {
    const mailbox = await this.mailboxes.findOwned(userId, id);
    if (!mailbox) throw MailboxesErrors.notFound();
    return mailbox;
  }
}
