import { Type } from 'class-transformer';
import { IsArray, IsInt, IsNumber, IsOptional, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Nullable } from '../nullable';
import { IsCalendarDate, IsCurrencyCode, IsDecimalAmount } from '../validators';
import { BudgetIdRequest, DateRange } from './budget.dto';

export class PeriodSpend {
  @IsCalendarDate()
  start!: string;

  @IsCalendarDate()
  end!: string;

  @IsDecimalAmount()
  spent!: string;

  /** The budget plus what rolled over into this period (negative when overspent before). */
  @Matches(/^-?\d+(\.\d+)?$/)
  available!: string;
}

export class BudgetStatus {
  @IsUUID()
  budgetId!: string;

  @IsCurrencyCode()
  currency!: string;

  /** The current period, in the budget's time zone; null when a custom budget has none now. */
  @Nullable()
  @ValidateNested()
  @Type(() => DateRange)
  period!: DateRange | null;

  @IsDecimalAmount()
  amount!: string;

  @Matches(/^-?\d+(\.\d+)?$/)
  carriedOver!: string;

  @Matches(/^-?\d+(\.\d+)?$/)
  available!: string;

  @IsDecimalAmount()
  spent!: string;

  /** Negative when overspent. */
  @Matches(/^-?\d+(\.\d+)?$/)
  remaining!: string;

  /** Spent as a percentage of what is available (one decimal); null when nothing is available. */
  @Nullable()
  @IsNumber()
  percent!: number | null;

  /** Days of the period after today. */
  @IsInt()
  @Min(0)
  daysLeft!: number;

  /** Spend at the period's end if it goes on at the rate so far. */
  @IsDecimalAmount()
  forecast!: string;

  /** Earlier periods, newest first, then the current one first of all. */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PeriodSpend)
  history!: PeriodSpend[];
}

export class BudgetStatusQuery {
  /** How many periods of history (including the current one), 1–24; default 6. */
  @IsOptional()
  @Matches(/^([1-9]|1\d|2[0-4])$/, { message: 'periods must be an integer from 1 to 24' })
  @MaxLength(2)
  periods?: string;
}

export class BudgetStatusRequest extends BudgetIdRequest {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24)
  periods?: number;
}

