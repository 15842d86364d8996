import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { gauge, getLogger } from '@irp/observability';
import { retryDelayMs } from '../retry-delay';

const listening = gauge({
  name: 'outbox_listening',
  help: 'Whether the outbox relay hears of commits at once (1) or, its listening connection down, only polls (0)',
  labelNames: ['channel'],
});

/** The channel a schema's outbox trigger notifies. */
export function outboxChannel(schema: string): string {
  return `${schema}_outbox`;
}

/**
 * For a migration: a trigger that notifies the schema's outbox channel when a transaction that
 * wrote outbox rows commits (PostgreSQL sends nothing for one that rolls back, and one
 * notification per channel per transaction). The relays listening wake up at once instead of
 * polling the table.
 */
export function outboxNotifyTrigger(schema: string): { up: string[]; down: string[] } {
  const fn = `"${schema}"."outbox_notify"`;
  return {
    up: [
      `create or replace function ${fn}() returns trigger language plpgsql as $$ begin perform pg_notify('${outboxChannel(schema)}', ''); return null; end $$;`,
      `create trigger "outbox_notify" after insert on "${schema}"."outbox" for each statement execute function ${fn}();`,
    ],
    down: [`drop trigger if exists "outbox_notify" on "${schema}"."outbox";`, `drop function if exists ${fn}();`],
  };
}

/**
 * Outbox notifications, on a PostgreSQL connection of their own that LISTENs to the channel.
 * A lost connection is reopened; a wake-up follows every (re)connection, since what was
 * committed while no one listened was announced to no one.
 */
export class OutboxNotifications {
  private readonly log = getLogger(OutboxNotifications.name);
  private readonly stopping = new AbortController();
  private running?: Promise<void>;
  private client?: pg.Client;
  private notified = false;
  private wakeWaiter?: () => void;

  constructor(
    private readonly connection: pg.ClientConfig,
    private readonly channel: string,
  ) {}

  start(): void {
    this.running ??= this.listen();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.client?.end().catch(() => undefined);
    await this.running;
  }

  /** Resolves at the next notification (at once if one came since the last call), or after `timeoutMs`. */
  async next(timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (!this.notified) {
      const timer = new AbortController();
      const woken = new Promise<void>((resolve) => (this.wakeWaiter = resolve));
      await Promise.race([woken, sleep(timeoutMs, undefined, { signal: AbortSignal.any([signal, timer.signal]) }).catch(() => undefined)]);
      timer.abort();
      this.wakeWaiter = undefined;
    }
    this.notified = false;
  }

  private wake(): void {
    this.notified = true;
    this.wakeWaiter?.();
  }

  private async listen(): Promise<void> {
    const { signal } = this.stopping;
    let failuresInRow = 0;
    while (!signal.aborted) {
      const client = new pg.Client({ ...this.connection, application_name: `outbox listener (${this.channel})` });
      const closed = new Promise<Error | undefined>((resolve) => client.on('error', resolve).on('end', () => resolve(undefined)));
      this.client = client;
      try {
        await client.connect();
        await client.query(`listen "${this.channel}"`);
        if (failuresInRow > 0) this.log.info({ channel: this.channel }, 'listening for outbox notifications again');
        failuresInRow = 0;
        client.on('notification', () => this.wake());
        listening.set({ channel: this.channel }, 1);
        this.wake();
        const reason = await closed;
        if (!signal.aborted) this.log.warn({ err: reason, channel: this.channel }, 'outbox notification connection lost; reconnecting');
      } catch (error) {
        if (!signal.aborted && failuresInRow++ % 20 === 0) this.log.warn({ err: error, channel: this.channel }, 'cannot listen for outbox notifications; retrying');
      } finally {
        listening.set({ channel: this.channel }, 0);
        await client.end().catch(() => undefined);
      }
      await sleep(retryDelayMs(failuresInRow, 100, 5_000), undefined, { signal }).catch(() => undefined);
    }
  }
}
