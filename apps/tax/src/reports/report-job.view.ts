import type { TaxReportJobView } from '@irp/contracts';
import type { ReportJob } from './report-job.entity';

export function toReportJobView(job: ReportJob): TaxReportJobView {
  return {
    id: job.id,
    status: job.status,
    profileId: job.profileId,
    profileVersion: job.profileVersion,
    period: { from: job.periodFrom, to: job.periodTo },
    formats: job.formats,
    estimateMissingTax: job.estimateMissingTax,
    files: job.files,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    completedAt: job.completedAt?.toISOString() ?? null,
    expiresAt: job.expiresAt?.toISOString() ?? null,
  };
}

/** Where a report's file lives in the reports bucket: under its owner, so names never collide across users. */
export const reportObjectName = (userId: string, reportId: string, format: string): string => `${userId}/${reportId}.${format}`;
