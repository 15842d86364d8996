import { Injectable } from '@nestjs/common';
import { DuplicateDetector } from '../duplicates/duplicate-detector';
import type { DuplicatePointer } from '../duplicates/duplicate-pointer';
import { ExpenseBuilder } from './expense-builder';
import { ExpenseDuplicatePointers } from './expense-duplicate-pointers';
import type { ExpenseDraft } from './expense-draft';
import type { Expense } from './expense.entity';
import { ExpenseEvents } from './expense-events';
import { ExpenseRepository } from './expense.repository';

/** What documents need of the ledger: filing an expense read from a document, and letting go of one being deleted. */
@Injectable()
export class FileFromDocument {
  constructor(
    private readonly expenses: ExpenseRepository,
    private readonly builder: ExpenseBuilder,
    private readonly events: ExpenseEvents,
    private readonly detector: DuplicateDetector,
    private readonly duplicates: ExpenseDuplicatePointers,
  ) {}

  /**
   * Files an expense read from a document, in the caller's transaction. A likely duplicate is
   * flagged (and sent to review) with a pointer to its twin, never dropped or merged.
   */
  async file(userId: string, documentId: string, draft: ExpenseDraft, known: { duplicateOf: DuplicatePointer | null; imageHash: string | null }): Promise<Expense> {
    const expense = await this.builder.build(userId, draft.body);
    expense.documentId = documentId;
    const twin = known.duplicateOf ?? (await this.detector.detect({ userId, documentId, imageHash: known.imageHash, receipt: expense }));
    // The flag is the reader's conclusion too: a user's "not a duplicate" is feedback on it.
    expense.extracted = { ...draft.extracted, duplicateOf: twin?.reason ?? null };
    expense.duplicateOf = twin;
    expense.status = draft.reviewReasons.length > 0 || twin ? 'needs_review' : 'confirmed';
    this.expenses.add(expense);
    await this.expenses.flush();
    this.events.created(expense);
    return expense;
  }

  /**
   * In the caller's transaction: a document being deleted leaves its expense in place, no longer
   * linked to it, and expenses flagged as its duplicates keep what of the pointer still exists;
   * subscribers hear of each change.
   */
  async documentDeleted(userId: string, documentId: string): Promise<void> {
    const linked = await this.expenses.linkedTo(userId, documentId);
    if (linked.length > 0) {
      for (const expense of linked) expense.documentId = null;
      await this.expenses.flush();
      for (const expense of linked) this.events.updated(expense, ['documentId']);
    }
    await this.duplicates.forget(userId, { documentId });
  }
}
