import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsCalendarDate, IsCurrencyCode, IsDecimalAmount } from '../validators';
import { PAYMENT_METHODS, type PaymentMethod } from './payment-method';
import { Nullable } from '../nullable';

export const EXPENSE_STATUSES = ['draft', 'needs_review', 'confirmed'] as const;
export type ExpenseStatus = (typeof EXPENSE_STATUSES)[number];
export { PAYMENT_METHODS, type PaymentMethod };

/**
 * In an update, absent leaves a field alone. Fields that can be cleared use @IsOptional (which lets
 * `null` through, meaning "clear"); the others use Present(), which refuses `null`.
 */
const Present = () => ValidateIf((_object, value) => value !== undefined);

export class TaxLineBody {
  /** Percent, e.g. "7" or "19.00". */
  @Matches(/^\d{1,2}(\.\d{1,3})?$|^100(\.0{1,3})?$/, { message: 'rate must be a percentage between 0 and 100 as a string, e.g. "7.5"' })
  @MaxLength(7)
  rate!: string;

  @IsOptional()
  @IsDecimalAmount()
  base?: string;

  @IsDecimalAmount()
  amount!: string;

  @IsString()
  @Length(1, 40)
  label!: string;
}

export class CreateExpenseBody {
  @IsString()
  @Length(1, 200)
  vendor!: string;

  @IsCalendarDate()
  date!: string;

  @IsDecimalAmount({ positive: true })
  amount!: string;

  @IsCurrencyCode()
  currency!: string;

  /** A category name (case-insensitive) or id; default "other". */
  @IsOptional()
  @IsString()
  @Length(1, 60)
  category?: string;

  @IsOptional()
  @IsDecimalAmount()
  subtotal?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => TaxLineBody)
  taxLines?: TaxLineBody[];

  @IsOptional()
  @IsDecimalAmount()
  tip?: string;

  @IsOptional()
  @IsIn(PAYMENT_METHODS)
  paymentMethod?: PaymentMethod;

  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'cardLast4 must be the last 4 digits of the card' })
  @MaxLength(4)
  cardLast4?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  tags?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;

  @IsOptional()
  @IsIn(EXPENSE_STATUSES)
  status?: ExpenseStatus;

  @IsOptional()
  @IsUUID()
  documentId?: string;
}

export class UpdateExpenseBody {
  @Present()
  @IsString()
  @Length(1, 200)
  vendor?: string;

  @Present()
  @IsCalendarDate()
  date?: string;

  @Present()
  @IsDecimalAmount({ positive: true })
  amount?: string;

  @Present()
  @IsCurrencyCode()
  currency?: string;

  @Present()
  @IsString()
  @Length(1, 60)
  category?: string;

  @Nullable({ optional: true })
  @IsDecimalAmount()
  subtotal?: string | null;

  @Present()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => TaxLineBody)
  taxLines?: TaxLineBody[];

  @Nullable({ optional: true })
  @IsDecimalAmount()
  tip?: string | null;

  @Nullable({ optional: true })
  @IsIn(PAYMENT_METHODS)
  paymentMethod?: PaymentMethod | null;

  @Nullable({ optional: true })
  @Matches(/^\d{4}$/, { message: 'cardLast4 must be the last 4 digits of the card' })
  @MaxLength(4)
  cardLast4?: string | null;

  @Present()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  tags?: string[];

  @Nullable({ optional: true })
  @IsString()
  @MaxLength(2000)
  notes?: string | null;

  @Present()
  @IsIn(EXPENSE_STATUSES)
  status?: ExpenseStatus;

  @Nullable({ optional: true })
  @IsUUID()
  documentId?: string | null;

  /** Only null: "not a duplicate", which clears the flag (kept as feedback). A twin cannot be named by hand. */
  @IsOptional()
  @IsIn([null], { message: 'duplicateOf can only be null, to clear the duplicate flag' })
  @JSONSchema({ type: 'null' })
  duplicateOf?: null;
}

export const EXPENSE_SORTS = ['date', '-date', 'amount', '-amount', 'vendor', '-vendor', 'createdAt', '-createdAt'] as const;
export type ExpenseSort = (typeof EXPENSE_SORTS)[number];

/** Query string of GET /expenses (all strings, as they arrive). */
export class ListExpensesQuery {
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @IsOptional()
  @IsCalendarDate()
  to?: string;

  /** A category name or id. */
  @IsOptional()
  @IsString()
  @Length(1, 60)
  category?: string;

  /** Comma-separated; an expense must carry all of them. */
  @IsOptional()
  @IsString()
  @MaxLength(400)
  tags?: string;

  /** Text searched in the vendor name. */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  /** In `currency` when given (original amounts), else in the base currency (converted amounts). */
  @IsOptional()
  @IsDecimalAmount()
  minAmount?: string;

  @IsOptional()
  @IsDecimalAmount()
  maxAmount?: string;

  @IsOptional()
  @IsCurrencyCode()
  currency?: string;

  @IsOptional()
  @IsIn(EXPENSE_STATUSES)
  status?: ExpenseStatus;

  @IsOptional()
  @IsUUID()
  documentId?: string;

  @IsOptional()
  @IsIn(EXPENSE_SORTS)
  sort?: ExpenseSort;

  @IsOptional()
  @Matches(/^([1-9]\d?|1\d\d|200)$/, { message: 'limit must be an integer from 1 to 200' })
  @MaxLength(3)
  limit?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
