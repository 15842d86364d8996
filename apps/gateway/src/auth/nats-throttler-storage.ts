import { Kvm, type KV } from '@nats-io/kv';
import { JetStreamApiCodes, JetStreamApiError, StorageType } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { getLogger } from '@irp/observability';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** The JetStream key-value bucket the gateway's replicas count requests in. */
export const RATE_LIMITS_BUCKET = 'gateway-rate-limits';
/** Replicas bumping one counter at once: the losers read again and retry, a few ms apart. */
const MAX_ATTEMPTS = 25;
const MAX_BACKOFF_MS = 4;

/** The outcome of taking from a budget: `used` is what the window has used so far (with this take when allowed). */
export interface Consumption {
  allowed: boolean;
  used: number;
  /** Until the window ends and the budget is whole again. */
  resetMs: number;
}

/** A counter too busy to bump: a client hammering it hard is refused, not let through. */
class BusyCounterError extends Error {}

/**
 * Rate-limit counters shared by every gateway replica, in a NATS KV bucket: a limit of 10 a
 * minute stays 10 whatever the number of pods (in memory, each pod would allow its own 10).
 * A window opens with a client's first request, as in Nest's in-memory store; its counter is
 * bumped with compare-and-set and dropped by the bucket's TTL once idle. When NATS cannot be
 * reached the request is let through: without NATS the routes behind the limit fail anyway, and
 * the limiter must not be the outage. A counter too contended to bump is a client hammering the
 * route: that request is refused.
 */
export class NatsThrottlerStorage implements ThrottlerStorage {
  private readonly log = getLogger(NatsThrottlerStorage.name);
  private bucket?: Promise<KV>;

  constructor(
    private readonly nc: NatsConnection,
    /** The longest window of any throttler: idle counters outlive it, then expire. */
    private readonly longestWindowMs: number,
  ) {}

  async increment(key: string, ttl: number, limit: number, _blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const secondsLeft = (endsAt: number) => Math.max(1, Math.ceil((endsAt - Date.now()) / 1000));
    try {
      // Nest's throttler counts refused hits too: the counter always moves.
      const { used: hits, endsAt } = await this.take(`${throttlerName}.${key}`, ttl, Number.POSITIVE_INFINITY, 1);
      const isBlocked = hits > limit;
      return { totalHits: hits, timeToExpire: secondsLeft(endsAt), isBlocked, timeToBlockExpire: isBlocked ? secondsLeft(endsAt) : 0 };
    } catch (error) {
      const timeToExpire = Math.ceil(ttl / 1000);
      if (error instanceof BusyCounterError) return { totalHits: limit + 1, timeToExpire, isBlocked: true, timeToBlockExpire: timeToExpire };
      this.log.warn({ err: error }, 'rate-limit counter unavailable; request let through');
      return { totalHits: 0, timeToExpire, isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  /**
   * Takes `amount` units (requests, bytes) from a budget of `limit` per window, unless that would
   * overdraw it: then nothing is taken, so a refused upload does not eat the bytes it never sent.
   * `counter` must be a valid KV key (letters, digits, `-_=./`).
   */
  async consume(counter: string, windowMs: number, limit: number, amount = 1): Promise<Consumption> {
    try {
      const { allowed, used, endsAt } = await this.take(counter, windowMs, limit, amount);
      return { allowed, used, resetMs: Math.max(0, endsAt - Date.now()) };
    } catch (error) {
      if (error instanceof BusyCounterError) return { allowed: false, used: limit, resetMs: windowMs };
      this.log.warn({ err: error }, 'rate-limit counter unavailable; request let through');
      return { allowed: true, used: 0, resetMs: windowMs };
    }
  }

  /** The counter as `used:windowEndMs`, `amount` more on it if that stays within `limit`, in a new window when the last has ended. */
  private async take(counter: string, windowMs: number, limit: number, amount: number): Promise<{ allowed: boolean; used: number; endsAt: number }> {
    const bucket = await this.open();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const entry = await bucket.get(counter);
      const [stored, storedEnd] = entry?.operation === 'PUT' ? entry.string().split(':').map(Number) : [0, 0];
      const now = Date.now();
      const current = storedEnd > now ? { used: stored, endsAt: storedEnd } : { used: 0, endsAt: now + windowMs };
      if (current.used + amount > limit) return { allowed: false, ...current };
      const next = { used: current.used + amount, endsAt: current.endsAt };
      try {
        const value = `${next.used}:${next.endsAt}`;
        if (entry) await bucket.update(counter, value, entry.revision);
        else await bucket.create(counter, value);
        return { allowed: true, ...next };
      } catch (error) {
        // Another request counted first: read the new value.
        if (!(error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamWrongLastSequence)) throw error;
        await sleep(Math.random() * MAX_BACKOFF_MS);
      }
    }
    throw new BusyCounterError();
  }

  private open(): Promise<KV> {
    this.bucket ??= new Kvm(this.nc).create(RATE_LIMITS_BUCKET, { history: 1, ttl: 2 * this.longestWindowMs, storage: StorageType.Memory }).catch((error: unknown) => {
      this.bucket = undefined; // try again on the next request
      throw error;
    });
    return this.bucket;
  }
}
