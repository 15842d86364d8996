import { Injectable } from '@nestjs/common';
import { withoutTwin, type DeletedTwin } from '../duplicates/duplicate-pointer';
import { DocumentRepository } from './document.repository';

/** Documents flagged as duplicates of a deleted twin keep what of the pointer still exists (see withoutTwin). */
@Injectable()
export class DocumentDuplicatePointers {
  constructor(private readonly documents: DocumentRepository) {}

  /** In the caller's transaction. */
  async forget(userId: string, deleted: DeletedTwin): Promise<void> {
    const flagged = await this.documents.flaggedAgainst(userId, deleted);
    if (flagged.length === 0) return;
    for (const document of flagged) document.duplicateOf = withoutTwin(document.duplicateOf, deleted);
    await this.documents.flush();
  }
}
