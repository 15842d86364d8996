import { Injectable } from '@nestjs/common';
import { withoutTwin } from '../duplicates/duplicate-pointer';
import { DocumentLinks } from '../expenses/document-links';
import { DocumentRepository } from './document.repository';

@Injectable()
export class LedgerDocumentLinks extends DocumentLinks {
  constructor(private readonly documents: DocumentRepository) {
    super();
  }

  ownedBy(userId: string, documentId: string): Promise<boolean> {
    return this.documents.existsOwned(userId, documentId);
  }

  async expenseDeleted(userId: string, expenseId: string): Promise<void> {
    await this.documents.unlinkFiledAs(userId, expenseId);
    await this.forgetTwin(userId, { expenseId });
  }

  /** Documents flagged as duplicates of a deleted twin keep what of the pointer still exists. */
  async forgetTwin(userId: string, deleted: { documentId: string } | { expenseId: string }): Promise<void> {
    const flagged = await this.documents.flaggedAgainst(userId, deleted);
    if (flagged.length === 0) return;
    for (const document of flagged) document.duplicateOf = withoutTwin(document.duplicateOf, deleted);
    await this.documents.flush();
  }
}
