import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { CategoryRef } from '../expenses/expense-view.dto';
import { Nullable } from '../nullable';
import { UserScoped } from '../user-scoped';
import { IsCalendarDate, IsCurrencyCode, IsDecimalAmount } from '../validators';

export const BUDGET_PERIODS = ['monthly', 'quarterly', 'yearly', 'custom'] as const;
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];

/** Percent of the budget at which an alert is raised, unless the budget names its own. */
export const DEFAULT_THRESHOLDS = [50, 80, 100] as const;
export const MAX_CUSTOM_PERIODS = 60;

/** An IANA time zone this runtime knows (Europe/Berlin, UTC, ...). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function IsTimeZone(): PropertyDecorator {
  return ValidateBy({ name: 'isTimeZone', validator: { validate: isTimeZone, defaultMessage: (a) => `${a?.property} must be an IANA time zone such as Europe/Berlin` } });
}

const Thresholds = (): PropertyDecorator => (target, key) => {
  IsArray()(target, key);
  ArrayMinSize(1)(target, key);
  ArrayMaxSize(10)(target, key);
  ArrayUnique()(target, key);
  IsInt({ each: true })(target, key);
  Min(1, { each: true, message: 'each threshold must be a percentage from 1 to 1000' })(target, key);
  Max(1000, { each: true, message: 'each threshold must be a percentage from 1 to 1000' })(target, key);
};

/** One period of a custom budget: both days included. */
export class DateRange {
  @IsCalendarDate()
  start!: string;

  @IsCalendarDate()
  end!: string;
}

const CustomPeriods = (): PropertyDecorator => (target, key) => {
  IsArray()(target, key);
  ArrayMinSize(1)(target, key);
  ArrayMaxSize(MAX_CUSTOM_PERIODS)(target, key);
  ValidateNested({ each: true })(target, key);
  Type(() => DateRange)(target, key);
};

export class CreateBudgetBody {
  @IsString()
  @Length(1, 100)
  name!: string;

  /** In the user's base currency, e.g. "100.00". */
  @IsDecimalAmount({ positive: true })
  @MaxLength(20)
  amount!: string;

  @IsIn(BUDGET_PERIODS)
  period!: BudgetPeriod;

  /** A category name (case-insensitive) or id: only its expenses count. Not with `tag`. */
  @IsOptional()
  @IsString()
  @Length(1, 60)
  category?: string;

  /** Only expenses carrying this tag count. Not with `category`. */
  @IsOptional()
  @IsString()
  @Length(1, 40)
  tag?: string;

  /** Required for `custom`: its periods, which must not overlap. */
  @IsOptional()
  @CustomPeriods()
  customPeriods?: DateRange[];

  /** Where the periods begin and end; default UTC. */
  @IsOptional()
  @IsTimeZone()
  @MaxLength(64)
  timeZone?: string;

  /** Carry what was left (or overspent) into the next period. */
  @IsOptional()
  @IsBoolean()
  rollover?: boolean;

  /** Percentages from 1 to 1000; default 50, 80, 100. */
  @IsOptional()
  @Thresholds()
  thresholds?: number[];
}

export class UpdateBudgetBody {
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @IsOptional()
  @IsDecimalAmount({ positive: true })
  @MaxLength(20)
  amount?: string;

  @IsOptional()
  @CustomPeriods()
  customPeriods?: DateRange[];

  @IsOptional()
  @IsTimeZone()
  @MaxLength(64)
  timeZone?: string;

  @IsOptional()
  @IsBoolean()
  rollover?: boolean;

  @IsOptional()
  @Thresholds()
  thresholds?: number[];
}

export class BudgetView {
  @IsUUID()
  id!: string;

  @IsString()
  name!: string;

  @IsDecimalAmount()
  amount!: string;

  @IsCurrencyCode()
  currency!: string;

  @IsIn(BUDGET_PERIODS)
  period!: BudgetPeriod;

  /** Null for an overall or tag budget. */
  @Nullable()
  @ValidateNested()
  @Type(() => CategoryRef)
  category!: CategoryRef | null;

  @Nullable()
  @IsString()
  tag!: string | null;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => DateRange)
  customPeriods!: DateRange[];

  @IsString()
  timeZone!: string;

  @IsBoolean()
  rollover!: boolean;

  @IsArray()
  @IsInt({ each: true })
  thresholds!: number[];

  /** The first day counted (rollover starts here). */
  @IsCalendarDate()
  startsOn!: string;

  @IsISO8601()
  createdAt!: string;

  @IsISO8601()
  updatedAt!: string;
}

export class BudgetList {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => BudgetView)
  items!: BudgetView[];
}

// ---- requests over NATS ---------------------------------------------------------------------

export class CreateBudgetRequest extends UserScoped {
  @ValidateNested()
  @Type(() => CreateBudgetBody)
  budget!: CreateBudgetBody;
}

export class BudgetIdRequest extends UserScoped {
  @IsUUID()
  budgetId!: string;
}

export class UpdateBudgetRequest extends BudgetIdRequest {
  @ValidateNested()
  @Type(() => UpdateBudgetBody)
  changes!: UpdateBudgetBody;
}

export class ListBudgetsRequest extends UserScoped {}
