import type { DuplicateReason } from '@irp/contracts';

/** Where a likely duplicate (a document or an expense) points: its twin, by document and by expense. */
export interface DuplicatePointer {
  documentId: string | null;
  expenseId: string | null;
  reason: DuplicateReason;
}

/** A twin being deleted: a document or an expense. */
export type DeletedTwin = { documentId: string } | { expenseId: string };

/**
 * When the twin is deleted, a duplicate keeps the half of its pointer that still exists (a deleted
 * document's expense stays), and loses the flag when neither half does: a pointer never leads to a 404.
 */
export function withoutTwin(pointer: DuplicatePointer | null, deleted: DeletedTwin): DuplicatePointer | null {
  if (!pointer) return null;
  const left = 'documentId' in deleted ? { ...pointer, documentId: null } : { ...pointer, expenseId: null };
  return left.documentId || left.expenseId ? left : null;
}
