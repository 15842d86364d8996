import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { getLogger } from '@irp/observability';
import { withRequestContext } from '@irp/persistence';
import { TAX_CONFIG, type TaxConfig } from '../config/env';
import { TaxSettingsService } from '../settings/tax-settings.service';
import { ReportContent } from './report-content';
import { ReportFiles } from './report-files';
import type { ReportJob } from './report-job.entity';
import { ReportJobRepository } from './report-job.repository';
import { reportObjectName } from './report-job.view';
import { ReportRowsRepository } from './report-rows.repository';
import { ReportSummary } from './report-summary';

/**
 * Produces queued reports, one at a time per replica: woken when one is queued, and on a timer for
 * jobs a stopped replica left behind; also deletes reports past their expiry with their files.
 */
@Injectable()
export class ReportRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = getLogger(ReportRunner.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(TAX_CONFIG) private readonly config: TaxConfig,
    private readonly orm: MikroORM,
    private readonly jobs: ReportJobRepository,
    private readonly rows: ReportRowsRepository,
    private readonly settings: TaxSettingsService,
    private readonly files: ReportFiles,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), this.config.reports.pollIntervalMs);
    this.wake();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Looks for work now (or right after the current pass). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.log.error({ err: error }, 'report runner failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async drain(): Promise<void> {
    await withRequestContext(this.orm, () => this.purgeExpired());
    while (!this.stopped) {
      const id = await withRequestContext(this.orm, () => this.jobs.claimNext());
      if (!id) return;
      await withRequestContext(this.orm, () => this.produce(id));
    }
  }

  private async produce(id: string): Promise<void> {
    const job = (await this.jobs.find(id)) as ReportJob;
    try {
      const effective = await this.settings.effective(job.userId, job.profileId);
      if (!effective) throw new Error(`profile ${job.profileId} is gone`);
      const header = { id: job.id, generatedAt: new Date().toISOString(), period: { from: job.periodFrom, to: job.periodTo }, estimateMissingTax: job.estimateMissingTax };
      const content = await ReportContent.open(this.rows, job.userId, header, effective.rules);
      // Only JSON and PDF open with the totals: a CSV alone is one pass over the expenses.
      const summary = job.formats.some((format) => format !== 'csv') ? await content.summary() : new ReportSummary(effective.rules.lineOrder());
      job.files = [];
      for (const format of job.formats) {
        await this.jobs.heartbeat(job.id);
        job.files.push(await this.files.write(reportObjectName(job.userId, job.id, format), format, content, summary));
      }
      job.status = 'ready';
      this.log.info({ reportId: job.id, formats: job.formats }, 'report ready');
    } catch (error) {
      const errorId = randomUUID();
      this.log.error({ err: error, reportId: job.id, errorId }, 'report failed');
      job.status = 'failed';
      job.error = `the report could not be produced (error id ${errorId})`;
    }
    job.completedAt = new Date();
    job.expiresAt = new Date(Date.now() + this.config.reports.ttlMs);
    await this.jobs.flush();
  }

  private async purgeExpired(): Promise<void> {
    for (const job of await this.jobs.expired(100)) {
      for (const file of job.files) await this.files.delete(reportObjectName(job.userId, job.id, file.format));
      await this.jobs.remove(job);
    }
  }
}
