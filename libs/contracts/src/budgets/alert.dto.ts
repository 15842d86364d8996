import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Nullable } from '../nullable';
import { PageQuery } from '../page-query';
import { UserScoped } from '../user-scoped';
import { IsCalendarDate, IsCurrencyCode, IsDecimalAmount } from '../validators';

/** `budgets.events.alert.raised.v1`: spend crossed a threshold, once per budget, period and threshold. */
export class AlertRaised {
  @IsUUID()
  alertId!: string;

  @IsUUID()
  budgetId!: string;

  @IsString()
  budgetName!: string;

  @IsCalendarDate()
  periodStart!: string;

  @IsCalendarDate()
  periodEnd!: string;

  /** The percentage crossed. */
  @IsInt()
  @Min(1)
  @Max(1000)
  threshold!: number;

  @IsDecimalAmount()
  spent!: string;

  /** What was available in the period (budget plus rollover). */
  @Matches(/^-?\d+(\.\d+)?$/)
  available!: string;

  @IsCurrencyCode()
  currency!: string;

  @IsISO8601()
  raisedAt!: string;
}

export class AlertView extends AlertRaised {
  @Nullable()
  @IsISO8601()
  acknowledgedAt!: string | null;
}

export class AlertPage {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AlertView)
  items!: AlertView[];

  /** Pass as `cursor` for the next page; null on the last page. */
  @Nullable()
  @IsString()
  nextCursor!: string | null;
}

export const ALERT_STATES = ['open', 'acknowledged', 'all'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export class ListAlertsQuery extends PageQuery {
  /** open (default), acknowledged or all. */
  @IsOptional()
  @IsIn(ALERT_STATES)
  state?: AlertState;

  @IsOptional()
  @IsUUID()
  budgetId?: string;
}

export class ListAlertsRequest extends UserScoped {
  @ValidateNested()
  @Type(() => ListAlertsQuery)
  query!: ListAlertsQuery;
}

export class AlertIdRequest extends UserScoped {
  @IsUUID()
  alertId!: string;
}

