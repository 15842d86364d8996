import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { ReportFiles } from './report-files';
import { ReportJobRepository } from './report-job.repository';
import { ReportRowsRepository } from './report-rows.repository';
import { ReportRunner } from './report-runner';
import { ReportsHandler } from './reports.handler';
import { ReportsService } from './reports.service';

/** Period reports: queued as jobs, produced from the projection as JSON, CSV and PDF into the reports bucket. */
@Module({
  imports: [SettingsModule],
  controllers: [ReportsHandler],
  providers: [ReportsService, ReportRunner, ReportJobRepository, ReportRowsRepository, ReportFiles],
})
export class ReportsModule {}
