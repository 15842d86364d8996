import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { DuplicateRef } from '../documents/document.dto';
import { IsCalendarDate, IsCurrencyCode, IsDecimalAmount } from '../validators';
import { EXPENSE_STATUSES, PAYMENT_METHODS, type ExpenseStatus, type PaymentMethod } from './expense.dto';
import { Nullable } from '../nullable';

export class ConvertedAmountView {
  @IsDecimalAmount()
  amount!: string;

  @IsCurrencyCode()
  currency!: string;

  /** Units of `currency` per unit of the expense's currency. */
  @Matches(/^\d+(\.\d+)?$/)
  rate!: string;

  @IsCalendarDate()
  rateDate!: string;

  /** `ECB`, or `identity` when the expense is already in the base currency. */
  @IsString()
  source!: string;
}

export class TaxLineView {
  @IsString()
  rate!: string;

  @Nullable()
  @IsDecimalAmount()
  base!: string | null;

  @IsDecimalAmount()
  amount!: string;

  @IsString()
  label!: string;
}

export class CategoryRef {
  @IsUUID()
  id!: string;

  @IsString()
  name!: string;
}

export class ExpenseView {
  @IsUUID()
  id!: string;

  @IsString()
  vendor!: string;

  @IsCalendarDate()
  date!: string;

  @IsDecimalAmount({ positive: true })
  amount!: string;

  @IsCurrencyCode()
  currency!: string;

  /** In the owner's base currency; null while the conversion is pending. */
  @Nullable()
  @ValidateNested()
  @Type(() => ConvertedAmountView)
  converted!: ConvertedAmountView | null;

  @IsIn(['converted', 'pending'])
  conversionStatus!: 'converted' | 'pending';

  @Nullable()
  @IsDecimalAmount()
  subtotal!: string | null;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TaxLineView)
  taxLines!: TaxLineView[];

  @Nullable()
  @IsDecimalAmount()
  tip!: string | null;

  @Nullable()
  @IsIn(PAYMENT_METHODS)
  paymentMethod!: PaymentMethod | null;

  @Nullable()
  @Matches(/^\d{4}$/)
  cardLast4!: string | null;

  @ValidateNested()
  @Type(() => CategoryRef)
  category!: CategoryRef;

  @IsArray()
  @IsString({ each: true })
  tags!: string[];

  @Nullable()
  @IsString()
  notes!: string | null;

  @IsIn(EXPENSE_STATUSES)
  status!: ExpenseStatus;

  @Nullable()
  @IsUUID()
  documentId!: string | null;

  /** Set when it looks like an expense already filed (same file, same picture, or same vendor, date and total). */
  @Nullable()
  @ValidateNested()
  @Type(() => DuplicateRef)
  duplicateOf!: DuplicateRef | null;

  /** Also the ETag: send it back in If-Match to update or delete this version only. */
  @IsInt()
  @Min(1)
  version!: number;

  @IsISO8601()
  createdAt!: string;

  @IsISO8601()
  updatedAt!: string;
}

export class ExpensePage {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ExpenseView)
  items!: ExpenseView[];

  /** Pass as `cursor` for the next page; null on the last page. */
  @Nullable()
  @IsString()
  nextCursor!: string | null;
}
