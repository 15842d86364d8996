import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';
import type { TaxReportFormat, TaxReportStatus } from '@irp/contracts';

export interface ReportFile {
  format: TaxReportFormat;
  size: number;
}

/** A report asked for: queued, taken by a replica (heartbeat), ready with its files until it expires, or failed. */
@Entity({ tableName: 'report_job' })
@Index({ properties: ['status', 'createdAt'] })
export class ReportJob {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  status: TaxReportStatus = 'queued';

  @Property({ type: 'text' })
  profileId!: string;

  @Property({ type: 'text' })
  profileVersion!: string;

  @Property({ type: 'text' })
  taxYearStart!: string;

  @Property({ type: 'date' })
  periodFrom!: string;

  @Property({ type: 'date' })
  periodTo!: string;

  @Property({ type: 'json' })
  formats!: TaxReportFormat[];

  @Property({ type: 'boolean' })
  estimateMissingTax!: boolean;

  @Property({ type: 'json' })
  files: ReportFile[] = [];

  @Property({ type: 'text', nullable: true })
  error: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  heartbeatAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  completedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  expiresAt: Date | null = null;
}
