import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { BlobStore } from '@irp/blob-store';
import { DomainError, ErrorCode } from '@irp/contracts';
import { getLogger } from '@irp/observability';
import { withRequestContext } from '@irp/persistence';
import { MAIL_INGEST_CONFIG, type MailIngestConfig } from '../config/env';
import { InboxService } from '../inbox/inbox.service';
import type { MailMessage } from '../messages/mail-message.entity';
import { MailMessageRepository } from '../messages/mail-message.repository';
import { RAW_MESSAGES } from '../messages/raw-messages.store';
import { parseMail } from '../parsing/parse-mail';
import { quarantineReason } from '../parsing/sender-policy';
import { DocumentFiler } from './document-filer';

/** Attempts at filing a message while expenses or the blob store are unreachable, before it is failed. */
const MAX_ATTEMPTS = 8;

const NO_RECEIPT = 'no receipt or invoice found: no PDF or image attachment, and the text does not read like a receipt';

/** One received message to its outcome: filed as documents, quarantined, or failed with a reason. */
@Injectable()
export class MailProcessor {
  private readonly log = getLogger(MailProcessor.name);

  constructor(
    @Inject(MAIL_INGEST_CONFIG) private readonly config: MailIngestConfig,
    @Inject(RAW_MESSAGES) private readonly raw: BlobStore,
    private readonly orm: MikroORM,
    private readonly messages: MailMessageRepository,
    private readonly inboxes: InboxService,
    private readonly filer: DocumentFiler,
  ) {}

  process(id: string): Promise<void> {
    return withRequestContext(this.orm, async () => {
      const message = await this.messages.findById(id);
      if (!message || message.status !== 'received') return;
      // Whatever breaks while reading it is retried, then failed: a message never stays stuck.
      await this.settle(message).catch((error: unknown) => this.retryOrFail(message, error));
      await this.messages.flush();
    });
  }

  private async settle(message: MailMessage): Promise<void> {
    const bytes = message.objectName ? await this.raw.getBuffer(message.objectName) : null;
    if (!bytes) return message.fail('the message was lost before it could be read');
    const parsed = await parseMail(bytes, this.config.trustedAuthservId);
    message.provenance = parsed.provenance;
    message.authentication = parsed.authentication;
    if (parsed.problem) return this.outcome(message, () => message.fail(parsed.problem as string));
    if (!message.released) {
      const reason = quarantineReason(parsed.provenance.sender ?? message.envelopeFrom, await this.inboxes.allowedSendersOf(message.userId), parsed.authentication);
      if (reason) return this.outcome(message, () => message.quarantine(reason));
    }
    if (parsed.parts.length === 0) return this.outcome(message, () => message.fail(NO_RECEIPT));
    try {
      const documentIds = await this.filer.file(message.userId, message.id, parsed.parts, parsed.provenance);
      message.fileAs(documentIds);
      this.log.info({ messageId: message.id, documents: documentIds.length }, 'message filed');
      await this.dropBytes(message);
    } catch (error) {
      this.retryOrFail(message, error);
    }
  }

  private outcome(message: MailMessage, apply: () => void): void {
    apply();
    this.log.info({ messageId: message.id, status: message.status, reason: message.reason }, 'message not filed');
  }

  /** Filed: the documents hold what mattered; the message's own bytes go. */
  private async dropBytes(message: MailMessage): Promise<void> {
    const objectName = message.objectName;
    message.objectName = null;
    if (objectName) await this.raw.delete(objectName).catch((error: unknown) => this.log.warn({ err: error, objectName }, 'could not delete a filed message'));
  }

  /** Trouble reaching expenses or the store is retried with back-off; an answer refusing the document is final. */
  private retryOrFail(message: MailMessage, error: unknown): void {
    const transient = !(error instanceof DomainError) || error.code === ErrorCode.UNAVAILABLE || error.code === ErrorCode.INTERNAL;
    if (!transient || message.attempts >= MAX_ATTEMPTS) {
      const why = error instanceof DomainError ? error.message : 'the documents could not be stored';
      return message.fail(`could not be filed: ${why}`);
    }
    const delayMs = Math.min(5 * 60_000, 1_000 * 2 ** message.attempts);
    message.claimedUntil = new Date(Date.now() + delayMs);
    this.log.warn({ err: error, messageId: message.id, attempts: message.attempts, delayMs }, 'filing a message failed; will retry');
  }
}
