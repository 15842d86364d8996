/**
 * What the ledger asks of documents, which sit above it: the documents feature implements it
 * (documents/ledger-document-links.ts), so the ledger never imports documents.
 */
export abstract class DocumentLinks {
  /** True when the document exists and belongs to the user (an expense may point only to such). */
  abstract ownedBy(userId: string, documentId: string): Promise<boolean>;

  /**
   * In the caller's transaction: documents filed as the deleted expense stay, no longer pointing
   * at it, and documents flagged as its duplicates keep only what of their pointer still exists.
   */
  abstract expenseDeleted(userId: string, expenseId: string): Promise<void>;
}
