import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { getLogger } from '@irp/observability';
import { withRequestContext } from '@irp/persistence';
import { MAIL_INGEST_CONFIG, type MailIngestConfig } from '../config/env';
import { MailMessageRepository } from '../messages/mail-message.repository';
import { NewMailSignal } from '../messages/new-mail.signal';
import { MailProcessor } from './mail-processor';

/** How long a worker holds a message; a replica that dies gives it up after this. */
const HOLD_SECONDS = 120;
/** Without a signal (a message from another replica, a retry coming due), look this often. */
const POLL_MS = 2_000;

/**
 * The workers that turn received messages into documents, `MAIL_WORKERS` per replica. A message
 * is taken with SKIP LOCKED and held for a while, so replicas share the work and never file one
 * message twice at once.
 */
@Injectable()
export class MailWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = getLogger(MailWorkers.name);
  private stopping = false;
  private loops: Promise<void>[] = [];
  private wakers = new Set<() => void>();
  private unlisten?: () => void;

  constructor(
    @Inject(MAIL_INGEST_CONFIG) private readonly config: MailIngestConfig,
    private readonly orm: MikroORM,
    private readonly messages: MailMessageRepository,
    private readonly processor: MailProcessor,
    signal: NewMailSignal,
  ) {
    this.unlisten = signal.listen(() => this.wakeAll());
  }

  onApplicationBootstrap(): void {
    this.loops = Array.from({ length: this.config.workers }, () => this.loop());
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.unlisten?.();
    this.wakeAll();
    await Promise.all(this.loops);
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const id = await withRequestContext(this.orm, () => this.messages.claimNext(HOLD_SECONDS)).catch((error: unknown) => {
        this.log.warn({ err: error }, 'could not take a message; will retry');
        return null;
      });
      if (id) await this.processor.process(id).catch((error: unknown) => this.log.error({ err: error, messageId: id }, 'processing a message failed'));
      else await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, POLL_MS);
      this.wakers.add(done);
    });
  }

  private wakeAll(): void {
    for (const wake of [...this.wakers]) wake();
  }
}
