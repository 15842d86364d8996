import { Kvm, type KV } from '@nats-io/kv';
import { GATEWAY_BUCKETS } from '@irp/contracts';
import { JetStreamApiCodes, JetStreamApiError, StorageType } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { setTimeout as sleep } from 'node:timers/promises';
import { streamReplicasOf } from '@irp/messaging';
import { getLogger } from '@irp/observability';

/** The JetStream key-value bucket the gateway's replicas count requests in. */
export const RATE_LIMITS_BUCKET = GATEWAY_BUCKETS.rateLimits;
/** Replicas bumping one counter at once: the losers read again and retry, a few ms apart. */
const MAX_ATTEMPTS = 25;
const MAX_BACKOFF_MS = 4;
/** Last value and revision seen per counter, so the usual write needs no read first (about one per active client). */
const KNOWN_COUNTERS_KEPT = 10_000;

/** The outcome of taking from a budget: `used` is what the window has used so far (with this take when allowed). */
export interface Consumption {
  allowed: boolean;
  used: number;
  /** Until the window ends and the budget is whole again. */
  resetMs: number;
}

interface Take {
  amount: number;
  limit: number;
  windowMs: number;
  settle: (result: { allowed: boolean; used: number; endsAt: number } | Error) => void;
}

/** A counter too busy to bump: a client hammering it hard is refused, not let through. */
class BusyCounterError extends Error {}
const isStale = (error: unknown) => error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamWrongLastSequence;

/**
 * Rate-limit counters shared by every gateway replica, in a NATS KV bucket: a limit of 10 a
 * minute stays 10 whatever the number of pods (in memory, each pod would allow its own 10).
 * A window opens with a caller's first request; its counter (`used:windowEndMs`) moves by
 * compare-and-set and is dropped by the bucket's TTL once idle. The takes of one counter that
 * arrive together in a replica go in one write, so a client's burst costs one round trip, not a
 * queue of conflicting ones. When NATS cannot be reached the request is let through: the
 * limiter must not be the outage. A counter still too contended after many tries is refused.
 */
export class NatsRateLimitCounters {
  private readonly log = getLogger(NatsRateLimitCounters.name);
  private bucket?: Promise<KV>;
  private readonly waiting = new Map<string, Take[]>();
  private readonly known = new Map<string, { value: string; revision: number }>();

  constructor(
    private readonly nc: NatsConnection,
    /** The longest window of any budget: idle counters outlive it, then expire. */
    private readonly longestWindowMs: number,
  ) {}

  /**
   * Takes `amount` units (requests, bytes) from a budget of `limit` per window, unless that would
   * overdraw it: then nothing is taken, so a refused upload does not eat the bytes it never sent.
   * `counter` must be a valid KV key (letters, digits, `-_=./`).
   */
  async consume(counter: string, windowMs: number, limit: number, amount = 1): Promise<Consumption> {
    const result = await new Promise<{ allowed: boolean; used: number; endsAt: number } | Error>((settle) => {
      const queue = this.waiting.get(counter);
      if (queue) {
        queue.push({ amount, limit, windowMs, settle });
      } else {
        this.waiting.set(counter, [{ amount, limit, windowMs, settle }]);
        void this.drain(counter);
      }
    });
    if (result instanceof BusyCounterError) return { allowed: false, used: limit, resetMs: windowMs };
    if (result instanceof Error) {
      this.log.warn({ err: result }, 'rate-limit counter unavailable; request let through');
      return { allowed: true, used: 0, resetMs: windowMs };
    }
    return { allowed: result.allowed, used: result.used, resetMs: Math.max(0, result.endsAt - Date.now()) };
  }

  /** Writes the takes waiting on a counter, one batch per round trip, until none are left. */
  private async drain(counter: string): Promise<void> {
    for (let batch = this.waiting.get(counter); batch; batch = this.waiting.get(counter)) {
      // Takes arriving from now on wait for the next write.
      this.waiting.set(counter, []);
      if (batch.length === 0) {
        this.waiting.delete(counter);
        return;
      }
      const results = await this.apply(counter, batch).catch((error: Error) => batch.map(() => error));
      batch.forEach((take, i) => take.settle(results[i]));
    }
  }

  /** One compare-and-set for a batch: each take is granted in turn while it fits in the budget. */
  private async apply(counter: string, batch: Take[]): Promise<{ allowed: boolean; used: number; endsAt: number }[]> {
    const bucket = await this.open();
    let current = this.known.get(counter);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const [stored, storedEnd] = current ? current.value.split(':').map(Number) : [0, 0];
      const now = Date.now();
      let used = storedEnd > now ? stored : 0;
      const endsAt = storedEnd > now ? storedEnd : now + batch[0].windowMs;
      const results = batch.map((take) => {
        if (used + take.amount > take.limit) return { allowed: false, used, endsAt };
        used += take.amount;
        return { allowed: true, used, endsAt };
      });
      if (!results.some((r) => r.allowed)) return results;
      const value = `${used}:${endsAt}`;
      try {
        const revision = current ? await bucket.update(counter, value, current.revision) : await bucket.create(counter, value);
        this.remember(counter, { value, revision });
        return results;
      } catch (error) {
        if (!isStale(error)) throw error;
        // Another replica counted first (or what we knew has expired): read the counter as it is.
        if (attempt > 0) await sleep(Math.random() * MAX_BACKOFF_MS);
        const entry = await bucket.get(counter);
        current = entry ? { value: entry.operation === 'PUT' ? entry.string() : '0:0', revision: entry.revision } : undefined;
      }
    }
    this.known.delete(counter);
    throw new BusyCounterError();
  }

  private remember(counter: string, state: { value: string; revision: number }): void {
    this.known.delete(counter); // re-inserted last: the Map's order is the eviction order
    this.known.set(counter, state);
    if (this.known.size > KNOWN_COUNTERS_KEPT) this.known.delete(this.known.keys().next().value as string);
  }

  private open(): Promise<KV> {
    this.bucket ??= new Kvm(this.nc).create(RATE_LIMITS_BUCKET, { history: 1, ttl: 2 * this.longestWindowMs, storage: StorageType.Memory, replicas: streamReplicasOf(this.nc) }).catch((error: unknown) => {
      this.bucket = undefined; // try again on the next request
      throw error;
    });
    return this.bucket;
  }
}
