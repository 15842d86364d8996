import { Injectable } from '@nestjs/common';
import { DocumentLinks } from '../expenses/document-links';
import { DocumentDuplicatePointers } from './document-duplicate-pointers';
import { DocumentRepository } from './document.repository';

/** The documents' side of DocumentLinks, for the ledger. */
@Injectable()
export class LedgerDocumentLinks extends DocumentLinks {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly duplicates: DocumentDuplicatePointers,
  ) {
    super();
  }

  ownedBy(userId: string, documentId: string): Promise<boolean> {
    return this.documents.existsOwned(userId, documentId);
  }

  async expenseDeleted(userId: string, expenseId: string): Promise<void> {
    await this.documents.unlinkFiledAs(userId, expenseId);
    await this.duplicates.forget(userId, { expenseId });
  }
}
