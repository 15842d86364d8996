import { Injectable } from '@nestjs/common';
import type { DuplicatePointer } from '../documents/document.entity';
import { ExpenseEvents } from './expense-events';
import { ExpenseRepository } from './expense.repository';

/** A twin being deleted: a document or an expense. */
export type DeletedTwin = { documentId: string } | { expenseId: string };

/**
 * Duplicates point at their twin, by document and by expense. When the twin is deleted, a
 * duplicate keeps the half of its pointer that still exists (a deleted document's expense stays),
 * and loses the flag when neither half does: a pointer never leads to a 404.
 */
@Injectable()
export class DuplicatePointers {
  constructor(
    private readonly expenses: ExpenseRepository,
    private readonly events: ExpenseEvents,
  ) {}

  /** In the caller's transaction; subscribers hear of each expense whose pointer changed. */
  async forget(userId: string, deleted: DeletedTwin): Promise<void> {
    const documents = await this.expenses.documentsFlaggedAgainst(userId, deleted);
    const expenses = await this.expenses.flaggedAgainst(userId, deleted);
    if (documents.length === 0 && expenses.length === 0) return;
    for (const duplicate of [...documents, ...expenses]) duplicate.duplicateOf = withoutTwin(duplicate.duplicateOf, deleted);
    await this.expenses.flush();
    for (const expense of expenses) this.events.updated(expense, ['duplicateOf']);
  }
}

export function withoutTwin(pointer: DuplicatePointer | null, deleted: DeletedTwin): DuplicatePointer | null {
  if (!pointer) return null;
  const left = 'documentId' in deleted ? { ...pointer, documentId: null } : { ...pointer, expenseId: null };
  return left.documentId || left.expenseId ? left : null;
}
