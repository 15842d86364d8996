import { IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { ExpenseView } from './expense-view.dto';
import { Nullable } from '../nullable';

/** An expense as events carry it: the view plus exact minor units, so subscribers never call back. */
export class ExpenseSnapshot extends ExpenseView {
  @IsUUID()
  userId!: string;

  /** Integer minor units of `amount`, as a string (bigint). */
  @Matches(/^\d+$/)
  amountMinor!: string;

  /** Integer minor units of the converted amount in the base currency; null while pending. */
  @Nullable()
  @Matches(/^\d+$/)
  convertedAmountMinor!: string | null;
}

export class ExpenseCreated {
  @ValidateNested()
  @Type(() => ExpenseSnapshot)
  expense!: ExpenseSnapshot;
}

export class ExpenseUpdated {
  @ValidateNested()
  @Type(() => ExpenseSnapshot)
  expense!: ExpenseSnapshot;

  /** Names of the fields that changed (`category`, `converted`, ...). */
  @IsString({ each: true })
  changed!: string[];
}

export class ExpenseDeleted {
  /** The expense as it was when deleted. */
  @ValidateNested()
  @Type(() => ExpenseSnapshot)
  expense!: ExpenseSnapshot;
}
