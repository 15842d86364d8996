import { Injectable } from '@nestjs/common';
import { withoutTwin, type DeletedTwin } from '../duplicates/duplicate-pointer';
import { ExpenseEvents } from './expense-events';
import { ExpenseRepository } from './expense.repository';

/** Expenses flagged as duplicates of a deleted twin keep what of the pointer still exists (see withoutTwin). */
@Injectable()
export class ExpenseDuplicatePointers {
  constructor(
    private readonly expenses: ExpenseRepository,
    private readonly events: ExpenseEvents,
  ) {}

  /** In the caller's transaction; subscribers hear of each expense whose pointer changed. */
  async forget(userId: string, deleted: DeletedTwin): Promise<void> {
    const expenses = await this.expenses.flaggedAgainst(userId, deleted);
    if (expenses.length === 0) return;
    for (const expense of expenses) expense.duplicateOf = withoutTwin(expense.duplicateOf, deleted);
    await this.expenses.flush();
    for (const expense of expenses) this.events.updated(expense, ['duplicateOf']);
  }
}
