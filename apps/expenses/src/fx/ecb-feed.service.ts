import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { MikroORM } from '@mikro-orm/postgresql';
import { withRequestContext } from '@irp/persistence';
import { CronJob } from 'cron';
import CircuitBreaker from 'opossum';
import { parseEcbXml } from '@irp/money';
import { counter, getLogger } from '@irp/observability';
import { EXPENSES_CONFIG, type ExpensesConfig } from '../config/env';
import { FxRatesService } from './fx-rates.service';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Older than this at start (a long weekend is 4 days), the history file fills the gap. */
const STALE_AFTER_DAYS = 4;

const fetches = counter({ name: 'fx_feed_fetches_total', help: 'ECB reference rate fetches', labelNames: ['outcome'] });

/**
 * Fetches the ECB reference rates on a schedule (and the recent history at start when stored rates
 * are stale), through a circuit breaker: a failing or hanging feed costs one timeout, then the
 * breaker answers at once until it tries again; the API never waits on the feed.
 */
@Injectable()
export class EcbFeedService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = getLogger(EcbFeedService.name);
  private readonly breaker: CircuitBreaker<[string], string>;

  constructor(
    @Inject(EXPENSES_CONFIG) private readonly config: ExpensesConfig,
    private readonly rates: FxRatesService,
    private readonly scheduler: SchedulerRegistry,
    private readonly orm: MikroORM,
  ) {
    this.breaker = new CircuitBreaker((url: string) => this.download(url), {
      name: 'ecb-feed',
      timeout: config.fx.timeoutMs,
      resetTimeout: 60_000,
      // A feed fetched a few times a day: any failure among the last fetches opens the circuit.
      volumeThreshold: 2,
      errorThresholdPercentage: 25,
    });
    this.breaker.on('open', () => this.log.warn('ECB feed circuit opened; fetches pause'));
    this.breaker.on('close', () => this.log.info('ECB feed circuit closed'));
  }

  onApplicationBootstrap(): void {
    if (!this.config.fx.feedEnabled) return;
    const job = CronJob.from({ cronTime: this.config.fx.cron, timeZone: 'UTC', onTick: () => void this.fetch(this.config.fx.dailyUrl) });
    this.scheduler.addCronJob('ecb-daily', job);
    job.start();
    void this.backfillIfStale();
  }

  onApplicationShutdown(): void {
    this.breaker.shutdown();
  }

  /** Fetches one ECB file and stores its rates; failures are logged, never thrown. */
  async fetch(url: string): Promise<boolean> {
    try {
      const xml = await this.breaker.fire(url);
      const days = parseEcbXml(xml);
      await withRequestContext(this.orm, () => this.rates.import('ECB', days));
      fetches.inc({ outcome: 'ok' });
      return true;
    } catch (error) {
      fetches.inc({ outcome: this.breaker.opened ? 'circuit_open' : 'failed' });
      this.log.warn({ err: error, url }, 'ECB rates fetch failed');
      return false;
    }
  }

  private async backfillIfStale(): Promise<void> {
    const latest = await withRequestContext(this.orm, () => this.rates.latestDate());
    if (latest && Date.now() - Date.parse(latest) < STALE_AFTER_DAYS * DAY_MS) return;
    await this.fetch(this.config.fx.historyUrl);
  }

  private async download(url: string): Promise<string> {
    const response = await fetch(url, { signal: AbortSignal.timeout(this.config.fx.timeoutMs), headers: { accept: 'application/xml, text/xml' } });
    if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`);
    return response.text();
  }
}
