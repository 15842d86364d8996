import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { UserScoped } from '../user-scoped';
import { Nullable } from '../nullable';
import { IsCalendarDate } from '../validators';

/** The NATS Object Store bucket holding produced report files (tax writes, the gateway streams them out). */
export const TAX_REPORTS_BUCKET = 'tax-reports';

export const TAX_REPORT_FORMATS = ['json', 'csv', 'pdf'] as const;
export type TaxReportFormat = (typeof TAX_REPORT_FORMATS)[number];

export const TAX_REPORT_STATUSES = ['queued', 'running', 'ready', 'failed'] as const;
export type TaxReportStatus = (typeof TAX_REPORT_STATUSES)[number];

/** Why an expense is listed apart for review. */
export const TAX_REVIEW_REASONS = ['missing_receipt', 'estimated_tax', 'unconverted_currency', 'needs_review'] as const;
export type TaxReviewReason = (typeof TAX_REVIEW_REASONS)[number];

/**
 * A report's period: a tax year (`year`, counted from the tax year start: 2025 is the year that
 * starts in 2025), one of its quarters (`year` + `quarter`), or custom dates (`from` + `to`).
 */
export class CreateTaxReportBody {
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  year?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number;

  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @IsOptional()
  @IsCalendarDate()
  to?: string;

  /** A profile other than the selected one. */
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,59}$/, { message: 'profileId must be the id of a profile from GET /tax/profiles' })
  @MaxLength(60)
  profileId?: string;

  /** Estimate the tax of receipts that show none from the profile's standard rate (flagged `estimated`). */
  @IsOptional()
  @IsBoolean()
  estimateMissingTax?: boolean;

  /** Files to produce; default all three. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(TAX_REPORT_FORMATS, { each: true })
  formats?: TaxReportFormat[];
}

export class CreateTaxReportRequest extends CreateTaxReportBody implements UserScoped {
  @IsUUID()
  userId!: string;
}

export class TaxReportIdRequest extends UserScoped {
  @IsUUID()
  reportId!: string;
}

export class TaxReportFileView {
  @IsIn(TAX_REPORT_FORMATS)
  format!: TaxReportFormat;

  @IsInt()
  @Min(0)
  size!: number;
}

export class TaxReportPeriodView {
  @IsCalendarDate()
  from!: string;

  @IsCalendarDate()
  to!: string;
}

/** A report job: its status, and once ready the files it produced (kept until `expiresAt`). */
export class TaxReportJobView {
  @IsUUID()
  id!: string;

  @IsIn(TAX_REPORT_STATUSES)
  status!: TaxReportStatus;

  @IsString()
  profileId!: string;

  @IsString()
  profileVersion!: string;

  @ValidateNested()
  @Type(() => TaxReportPeriodView)
  period!: TaxReportPeriodView;

  @IsArray()
  @IsIn(TAX_REPORT_FORMATS, { each: true })
  formats!: TaxReportFormat[];

  @IsBoolean()
  estimateMissingTax!: boolean;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TaxReportFileView)
  files!: TaxReportFileView[];

  /** Why it failed (for the user); null otherwise. */
  @Nullable()
  @IsString()
  error!: string | null;

  @IsISO8601()
  createdAt!: string;

  @Nullable()
  @IsISO8601()
  completedAt!: string | null;

  /** When its files are deleted. */
  @Nullable()
  @IsISO8601()
  expiresAt!: string | null;
}

export class ExpenseTaxRequest extends UserScoped {
  @IsUUID()
  expenseId!: string;

  /** Estimate from the selected profile's standard rate when the receipt shows no tax. */
  @IsOptional()
  @IsBoolean()
  estimate?: boolean;
}

export class ExpenseTaxLineView {
  @IsString()
  rate!: string;

  /** In the expense's currency; null when unknown. */
  @Nullable()
  @IsString()
  base!: string | null;

  @IsString()
  amount!: string;

  @IsString()
  label!: string;

  /** Computed from the profile's standard rate, not read from the receipt. */
  @IsBoolean()
  estimated!: boolean;
}

/** An expense's tax lines as the tax service holds them, and where the selected profile puts it. */
export class ExpenseTaxView {
  @IsUUID()
  expenseId!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsString()
  currency!: string;

  @IsString()
  category!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ExpenseTaxLineView)
  lines!: ExpenseTaxLineView[];

  /** The selected profile's line for its category; null with no profile selected. */
  @Nullable()
  @IsString()
  reportLine!: string | null;

  @Nullable()
  @IsString()
  deductiblePercent!: string | null;
}

/** Query string of GET /expenses/{id}/tax. */
export class ExpenseTaxQuery {
  @IsOptional()
  @IsIn(['true', 'false'])
  estimate?: 'true' | 'false';
}

/** Query string of the report download. */
export class TaxReportDownloadQuery {
  @IsOptional()
  @IsIn(TAX_REPORT_FORMATS)
  format?: TaxReportFormat;
}
