import { Injectable } from '@nestjs/common';
import { TAX_REPORT_FORMATS, type CreateTaxReportBody, type TaxReportJobView } from '@irp/contracts';
import { getLogger } from '@irp/observability';
import { ProfilesErrors } from '../profiles/profiles.errors';
import { TaxSettingsService } from '../settings/tax-settings.service';
import { ReportJob } from './report-job.entity';
import { ReportJobRepository } from './report-job.repository';
import { toReportJobView } from './report-job.view';
import { reportPeriod } from './report-period';
import { ReportRunner } from './report-runner';
import { ReportsErrors } from './reports.errors';

@Injectable()
export class ReportsService {
  private readonly log = getLogger(ReportsService.name);

  constructor(
    private readonly jobs: ReportJobRepository,
    private readonly settings: TaxSettingsService,
    private readonly runner: ReportRunner,
  ) {}

  /** Queues a report of the period with the user's profile (or the one named); the runner produces its files. */
  async create(userId: string, body: CreateTaxReportBody): Promise<TaxReportJobView> {
    const effective = await this.settings.effective(userId, body.profileId);
    if (!effective) throw ProfilesErrors.noProfile();
    const period = reportPeriod(body, effective.taxYearStart);
    const job = Object.assign(new ReportJob(), {
      userId,
      profileId: effective.profile.id,
      profileVersion: effective.profile.version,
      taxYearStart: effective.taxYearStart,
      periodFrom: period.from,
      periodTo: period.to,
      formats: body.formats ?? [...TAX_REPORT_FORMATS],
      estimateMissingTax: body.estimateMissingTax ?? false,
    });
    await this.jobs.add(job);
    this.log.info({ reportId: job.id, profileId: job.profileId }, 'report queued');
    this.runner.wake();
    return toReportJobView(job);
  }

  async get(userId: string, reportId: string): Promise<TaxReportJobView> {
    const job = await this.jobs.findOwned(userId, reportId);
    if (!job) throw ReportsErrors.notFound();
    return toReportJobView(job);
  }
}
