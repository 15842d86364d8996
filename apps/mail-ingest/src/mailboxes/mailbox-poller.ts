import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { ImapFlow } from 'imapflow';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { getLogger } from '@irp/observability';
import { withRequestContext } from '@irp/persistence';
import { MAIL_INGEST_CONFIG, type MailIngestConfig } from '../config/env';
import { MailboxCredentials } from './mailbox-credentials';
import type { Mailbox } from './mailbox.entity';
import { MailboxRepository } from './mailbox.repository';
import { MailboxSync } from './mailbox-sync';
import { describeImapError, openImapSession } from './imap-session';

/** How often a replica looks for a mailbox that is due. */
const LOOK_EVERY_MS = 1_000;
/** A lease lasts this long and is renewed while the connection lives. */
const LEASE_SECONDS = 90;
/** Mailboxes one replica keeps connections to at once. */
const MAX_SESSIONS = 8;

/**
 * Fetches from the users' IMAP mailboxes: a replica leases a mailbox that is due, takes what is
 * new, then waits in IDLE for more (when the server offers it) while renewing its lease; a server
 * without IDLE is polled. Failures are shown on the mailbox and retried with back-off.
 */
@Injectable()
export class MailboxPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = getLogger(MailboxPoller.name);
  private readonly owner = randomUUID();
  private readonly sessions = new Set<Promise<void>>();
  private readonly stop = new AbortController();
  private loop?: Promise<void>;

  constructor(
    @Inject(MAIL_INGEST_CONFIG) private readonly config: MailIngestConfig,
    private readonly orm: MikroORM,
    private readonly mailboxes: MailboxRepository,
    private readonly credentials: MailboxCredentials,
    private readonly sync: MailboxSync,
  ) {}

  onApplicationBootstrap(): void {
    if (this.credentials.enabled) this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.loop;
    await Promise.all(this.sessions);
  }

  private async run(): Promise<void> {
    while (!this.stop.signal.aborted) {
      const id = this.sessions.size < MAX_SESSIONS ? await this.lease() : null;
      if (id) {
        const session = this.session(id).finally(() => this.sessions.delete(session));
        this.sessions.add(session);
      } else {
        await sleep(LOOK_EVERY_MS, undefined, { signal: this.stop.signal }).catch(() => undefined);
      }
    }
  }

  private lease(): Promise<string | null> {
    return withRequestContext(this.orm, () => this.mailboxes.leaseDue(this.owner, LEASE_SECONDS)).catch((error: unknown) => {
      this.log.warn({ err: error }, 'could not lease a mailbox');
      return null;
    });
  }

  private async session(id: string): Promise<void> {
    let client: ImapFlow | undefined;
    try {
      await withRequestContext(this.orm, async () => {
        const mailbox = await this.mailboxes.findById(id);
        if (!mailbox) return;
        try {
          client = await openImapSession(this.credentials.targetOf(mailbox), this.config.imap.allowPrivateHosts);
          await this.takeAndWait(client, mailbox);
        } catch (error) {
          mailbox.failed(describeImapError(error), this.config.imap.pollMs);
          this.log.warn({ mailboxId: id, failures: mailbox.failures, reason: mailbox.lastError }, 'mailbox sync failed');
        }
        this.credentials.resealIfStale(mailbox);
        await this.mailboxes.flush();
      });
    } catch (error) {
      this.log.error({ err: error, mailboxId: id }, 'mailbox session failed');
    } finally {
      await client?.logout().catch(() => client?.close());
      await withRequestContext(this.orm, () => this.mailboxes.releaseLease(id, this.owner)).catch(() => undefined);
    }
  }

  /** Takes what is new; with IDLE, waits for more and takes it, until the IDLE window ends or the lease is lost. */
  private async takeAndWait(client: ImapFlow, mailbox: Mailbox): Promise<void> {
    const { pollMs, idleMs } = this.config.imap;
    const idleUntil = Date.now() + (client.capabilities.has('IDLE') ? idleMs : 0);
    for (;;) {
      const outcome = await this.sync.takeNew(client, mailbox, { uidValidity: mailbox.uidValidity, lastUid: mailbox.lastUid });
      mailbox.synced(outcome.uidValidity, outcome.lastUid, pollMs);
      await this.mailboxes.flush();
      if (outcome.taken > 0) this.log.info({ mailboxId: mailbox.id, taken: outcome.taken }, 'mail fetched');
      if (this.stop.signal.aborted) return;
      if (outcome.more) {
        if (!(await this.mailboxes.renewLease(mailbox.id, this.owner, LEASE_SECONDS))) return;
        continue;
      }
      if (Date.now() >= idleUntil) return;
      if (!(await this.waitForMail(client, Math.min(idleUntil - Date.now(), (LEASE_SECONDS / 3) * 1000)))) {
        if (!(await this.mailboxes.renewLease(mailbox.id, this.owner, LEASE_SECONDS))) return;
      }
    }
  }

  /** True when the server announced new mail within `ms` (IDLE runs meanwhile), false when the time ran out. */
  private waitForMail(client: ImapFlow, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (arrived: boolean) => {
        clearTimeout(timer);
        client.off('exists', onExists);
        this.stop.signal.removeEventListener('abort', onStop);
        resolve(arrived);
      };
      const onExists = () => done(true);
      const onStop = () => done(false);
      const timer = setTimeout(() => done(false), ms);
      client.on('exists', onExists);
      this.stop.signal.addEventListener('abort', onStop);
      void client.idle().catch(() => done(false));
    });
  }
}
