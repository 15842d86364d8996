import { LockMode, type MikroORM } from '@mikro-orm/core';
import type { JetStreamClient } from '@nats-io/jetstream';
import { SpanKind, context, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { setTimeout as sleep } from 'node:timers/promises';
import { counter, getLogger } from '@irp/observability';
import { retryDelayMs } from '../retry-delay';
import { injectTraceContext } from '../trace-context';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxNotifications, outboxChannel } from './outbox-notifications';

export interface OutboxRelayOptions {
  /**
   * Woken by PostgreSQL notifications (LISTEN) when events are committed; off, it only polls.
   * LISTEN needs a session: a pooler in transaction mode (PgBouncer) does not pass notifications on.
   */
  listen?: boolean;
  /** How often an idle relay looks for new rows without being woken: the safety net of notifications, or the only way without them. */
  pollIntervalMs?: number;
  batchSize?: number;
  /** Published rows are kept this long (for inspection), then deleted. */
  retentionMs?: number;
  /** Test hook: runs after a batch is published and before it is marked; throwing simulates a crash. */
  afterPublish?: (messages: OutboxMessage[]) => void;
}

/** Under load, events committed meanwhile gather into one batch instead of a pass each. */
const MIN_PASS_INTERVAL_MS = 20;
const tracer = trace.getTracer('@irp/messaging');
const published = counter({ name: 'outbox_published_total', help: 'Events published from the outbox', labelNames: ['subject'] });
const failures = counter({ name: 'outbox_relay_failures_total', help: 'Relay batches that failed and will be retried' });

/**
 * Publishes committed outbox rows to JetStream with `Nats-Msg-Id` = event id, then marks them.
 * A crash between publishing and marking republishes the batch; JetStream drops the copies
 * within its duplicate window and consumers' inboxes drop any later ones. Rows are locked with
 * SKIP LOCKED, so several replicas can relay side by side. A commit that wrote events wakes the
 * relay (see outboxNotifyTrigger); polling only backs that up, so an idle service costs nothing.
 */
export class OutboxRelay {
  private readonly log = getLogger(OutboxRelay.name);
  private readonly options: Required<Omit<OutboxRelayOptions, 'afterPublish'>> & Pick<OutboxRelayOptions, 'afterPublish'>;
  private readonly notifications?: OutboxNotifications;
  private running?: Promise<void>;
  private readonly abort = new AbortController();
  private lastPurge = 0;

  constructor(
    private readonly orm: MikroORM,
    private readonly js: JetStreamClient,
    options: OutboxRelayOptions = {},
  ) {
    this.options = { listen: true, pollIntervalMs: 1_000, batchSize: 100, retentionMs: 24 * 60 * 60 * 1000, ...options };
    if (this.options.listen) {
      const connection = { connectionString: orm.config.get('clientUrl'), ...orm.config.get('driverOptions') };
      this.notifications = new OutboxNotifications(connection, outboxChannel(orm.config.get('schema') ?? 'public'));
    }
  }

  start(): void {
    this.notifications?.start();
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all([this.running, this.notifications?.stop()]);
  }

  /** Publishes what is left (a stopping service's last events); a failure is logged, the rows stay for the next relay. */
  async flush(): Promise<void> {
    try {
      while ((await this.publishPending()) > 0);
    } catch (error) {
      this.log.warn({ err: error }, 'outbox not flushed at stop; another replica or the next start publishes it');
    }
  }

  /** Publishes one batch; returns how many events it published. */
  async publishPending(): Promise<number> {
    const em = this.orm.em.fork();
    return em.transactional(async (tx) => {
      const batch = await tx.find(
        OutboxMessage,
        { publishedAt: null },
        { orderBy: { seq: 'asc' }, limit: this.options.batchSize, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
      );
      if (batch.length === 0) return 0;
      // Published concurrently; one connection keeps them in order on the wire.
      await Promise.all(batch.map((message) => this.publish(message)));
      this.options.afterPublish?.(batch);
      const now = new Date();
      for (const message of batch) message.publishedAt = now;
      return batch.length;
    });
  }

  private async publish(message: OutboxMessage): Promise<void> {
    const parent = propagation.extract(ROOT_CONTEXT, message.traceContext ?? {});
    const span = tracer.startSpan(`publish ${message.subject}`, {
      kind: SpanKind.PRODUCER,
      attributes: { 'messaging.system': 'nats', 'messaging.destination.name': message.subject, 'messaging.message.id': message.eventId },
    }, parent);
    try {
      const headers = injectTraceContext(undefined, trace.setSpan(parent, span));
      await context.with(trace.setSpan(parent, span), () =>
        this.js.publish(message.subject, JSON.stringify(message.payload), { msgID: message.eventId, headers }),
      );
      published.inc({ subject: message.subject });
    } finally {
      span.end();
    }
  }

  private async loop(): Promise<void> {
    const { signal } = this.abort;
    let failuresInRow = 0;
    while (!signal.aborted) {
      const started = Date.now();
      let pause = this.options.pollIntervalMs;
      try {
        const count = await this.publishPending();
        await this.purgeOld();
        failuresInRow = 0;
        if (count === this.options.batchSize) continue; // more waiting: no pause
      } catch (error) {
        failures.inc();
        failuresInRow++;
        pause = retryDelayMs(failuresInRow, 100, 5_000);
        if (failuresInRow === 1 || failuresInRow % 20 === 0) {
          this.log.warn({ err: error, failuresInRow }, 'outbox relay batch failed; retrying');
        }
      }
      // Failing, it backs off: notifications would only make it fail faster.
      if (this.notifications && failuresInRow === 0) await this.notifications.next(pause, signal);
      else await sleep(pause, undefined, { signal }).catch(() => undefined);
      const early = started + MIN_PASS_INTERVAL_MS - Date.now();
      if (early > 0) await sleep(early, undefined, { signal }).catch(() => undefined);
    }
  }

  private async purgeOld(): Promise<void> {
    if (Date.now() - this.lastPurge < 60_000) return;
    this.lastPurge = Date.now();
    const cutoff = new Date(Date.now() - this.options.retentionMs);
    await this.orm.em.fork().nativeDelete(OutboxMessage, { publishedAt: { $lt: cutoff } });
  }
}
