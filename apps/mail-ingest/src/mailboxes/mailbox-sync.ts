import { Inject, Injectable } from '@nestjs/common';
import type { FetchMessageObject, ImapFlow } from 'imapflow';
import { getLogger } from '@irp/observability';
import { MAIL_INGEST_CONFIG, type MailIngestConfig } from '../config/env';
import { MailMessagesService } from '../messages/mail-messages.service';
import type { Mailbox } from './mailbox.entity';

/** Messages looked at in one go: a first sync of a full folder goes on in steps, not in one huge fetch. */
const MAX_PER_STEP = 100;

export interface SyncOutcome {
  uidValidity: number;
  lastUid: number;
  taken: number;
  /** More new messages wait past lastUid. */
  more: boolean;
}

/**
 * Takes a folder's new messages once: those past the last UID taken at the folder's UIDVALIDITY
 * (a new UIDVALIDITY starts over, and Message-IDs keep what was taken before from coming twice),
 * that pass the mailbox's filters and the size limit; then marks or moves them as asked.
 */
@Injectable()
export class MailboxSync {
  private readonly log = getLogger(MailboxSync.name);

  constructor(
    @Inject(MAIL_INGEST_CONFIG) private readonly config: MailIngestConfig,
    private readonly messages: MailMessagesService,
  ) {}

  async takeNew(client: ImapFlow, mailbox: Mailbox, known: { uidValidity: number | null; lastUid: number }): Promise<SyncOutcome> {
    const folder = await client.mailboxOpen(mailbox.folder);
    const uidValidity = Number(folder.uidValidity);
    const startOver = known.uidValidity !== uidValidity;
    if (startOver && known.uidValidity !== null) this.log.info({ mailboxId: mailbox.id }, 'UIDVALIDITY changed: the folder is read again');
    const after = startOver ? 0 : known.lastUid;
    if (folder.exists === 0) return { uidValidity, lastUid: after, taken: 0, more: false };

    const uids = ((await client.search({ uid: `${after + 1}:*` }, { uid: true })) || []).filter((uid) => uid > after).sort((a, b) => a - b);
    const step = uids.slice(0, MAX_PER_STEP);
    const candidates: FetchMessageObject[] = [];
    if (step.length > 0) {
      for await (const message of client.fetch(step.join(','), { uid: true, size: true, envelope: true }, { uid: true })) candidates.push(message);
    }
    const wanted = candidates.filter((message) => this.wanted(mailbox, message));
    const taken: number[] = [];
    for (const message of wanted) {
      const full = await client.fetchOne(String(message.uid), { source: true }, { uid: true });
      if (!full || !full.source) continue;
      await this.messages.accept({ userId: mailbox.userId, channel: 'imap', raw: full.source, envelopeFrom: null, imap: { mailboxId: mailbox.id, uidValidity, uid: message.uid } });
      taken.push(message.uid);
    }
    await this.afterProcessing(client, mailbox, taken);
    const lastUid = step.length > 0 ? step[step.length - 1] : after;
    return { uidValidity, lastUid, taken: taken.length, more: uids.length > step.length };
  }

  private wanted(mailbox: Mailbox, message: FetchMessageObject): boolean {
    if ((message.size ?? 0) > this.config.smtp.maxBytes) return false;
    const from = (message.envelope?.from ?? []).map((address) => `${address.name ?? ''} <${address.address ?? ''}>`).join(', ').toLowerCase();
    const subject = (message.envelope?.subject ?? '').toLowerCase();
    if (mailbox.senderFilter && !from.includes(mailbox.senderFilter.toLowerCase())) return false;
    return !mailbox.subjectFilter || subject.includes(mailbox.subjectFilter.toLowerCase());
  }

  private async afterProcessing(client: ImapFlow, mailbox: Mailbox, uids: number[]): Promise<void> {
    if (uids.length === 0 || mailbox.afterProcessing === 'none') return;
    const range = uids.join(',');
    if (mailbox.afterProcessing === 'seen') await client.messageFlagsAdd(range, ['\\Seen'], { uid: true });
    else if (mailbox.moveTo) await client.messageMove(range, mailbox.moveTo, { uid: true });
  }
}
