import { Type } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { UserScoped } from '../user-scoped';
import { CreateExpenseBody, ListExpensesQuery, UpdateExpenseBody } from './expense.dto';

// ---- requests over NATS: the caller's user id travels with every one --------------------------

export class CreateExpenseRequest extends UserScoped {
  @IsOptional()
  @IsString()
  @Length(1, 255)
  idempotencyKey?: string;

  @ValidateNested()
  @Type(() => CreateExpenseBody)
  expense!: CreateExpenseBody;
}

export class ExpenseIdRequest extends UserScoped {
  @IsUUID()
  expenseId!: string;
}

export class UpdateExpenseRequest extends ExpenseIdRequest {
  /** From If-Match: the update applies only to this version. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2 ** 31 - 1)
  expectedVersion?: number;

  @ValidateNested()
  @Type(() => UpdateExpenseBody)
  changes!: UpdateExpenseBody;
}

export class DeleteExpenseRequest extends ExpenseIdRequest {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2 ** 31 - 1)
  expectedVersion?: number;
}

export class ListExpensesRequest extends UserScoped {
  @ValidateNested()
  @Type(() => ListExpensesQuery)
  query!: ListExpensesQuery;
}
