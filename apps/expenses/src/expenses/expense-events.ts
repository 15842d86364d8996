import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { SUBJECTS } from '@irp/contracts';
import { recordEvent } from '@irp/messaging';
import type { Expense } from './expense.entity';
import { toExpenseSnapshot } from './expense.mapper';

/** Records expense events in the outbox of the current transaction. */
@Injectable()
export class ExpenseEvents {
  constructor(private readonly em: EntityManager) {}

  created(expense: Expense): void {
    recordEvent(this.em, SUBJECTS.expenseCreated, expense.userId, { expense: toExpenseSnapshot(expense) });
  }

  /** Call after flushing, so the snapshot carries the new version. */
  updated(expense: Expense, changed: string[]): void {
    recordEvent(this.em, SUBJECTS.expenseUpdated, expense.userId, { expense: toExpenseSnapshot(expense), changed });
  }

  deleted(expense: Expense): void {
    recordEvent(this.em, SUBJECTS.expenseDeleted, expense.userId, { expense: toExpenseSnapshot(expense) });
  }
}
