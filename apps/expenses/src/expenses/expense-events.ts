import { Injectable } from '@nestjs/common';
import { SUBJECTS } from '@irp/contracts';
import { Outbox } from '@irp/messaging';
import type { Expense } from './expense.entity';
import { toExpenseSnapshot } from './expense.mapper';

/** Records expense events in the outbox of the running UnitOfWork. */
@Injectable()
export class ExpenseEvents {
  constructor(private readonly outbox: Outbox) {}

  created(expense: Expense): void {
    this.outbox.record(SUBJECTS.expenseCreated, expense.userId, { expense: toExpenseSnapshot(expense) });
  }

  /** Call after flushing, so the snapshot carries the new version. */
  updated(expense: Expense, changed: string[]): void {
    this.outbox.record(SUBJECTS.expenseUpdated, expense.userId, { expense: toExpenseSnapshot(expense), changed });
  }

  deleted(expense: Expense): void {
    this.outbox.record(SUBJECTS.expenseDeleted, expense.userId, { expense: toExpenseSnapshot(expense) });
  }
}
