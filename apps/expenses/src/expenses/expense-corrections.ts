import { Injectable } from '@nestjs/common';
import { toDecimalString } from '@irp/money';
import { ExpenseCorrection } from './expense-correction.entity';
import type { Expense } from './expense.entity';
import { ExpenseRepository } from './expense.repository';

/** Fields read from a document that the user changed: feedback for the reader. */
@Injectable()
export class ExpenseCorrections {
  constructor(private readonly expenses: ExpenseRepository) {}

  /** In the caller's transaction, for the fields just changed; nothing for an expense not read from a document. */
  record(expense: Expense, changed: string[]): void {
    if (!expense.documentId || !expense.extracted) return;
    const current: Record<string, string | null> = {
      vendor: expense.vendor,
      date: expense.date,
      amount: toDecimalString(expense.amountMinor, expense.currency),
      currency: expense.currency,
      subtotal: expense.subtotalMinor === null ? null : toDecimalString(expense.subtotalMinor, expense.currency),
      tip: expense.tipMinor === null ? null : toDecimalString(expense.tipMinor, expense.currency),
      paymentMethod: expense.paymentMethod,
      cardLast4: expense.cardLast4,
      duplicateOf: expense.duplicateOf?.reason ?? null,
    };
    for (const field of changed.filter((name) => name in current)) {
      this.expenses.addCorrection(
        new ExpenseCorrection({
          userId: expense.userId,
          expenseId: expense.id,
          documentId: expense.documentId,
          field,
          extractedValue: expense.extracted[field] ?? null,
          correctedValue: current[field],
        }),
      );
    }
  }
}
