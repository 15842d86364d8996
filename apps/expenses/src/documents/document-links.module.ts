import { Global, Module } from '@nestjs/common';
import { DocumentLinks } from '../expenses/document-links';
import { DocumentDuplicatePointers } from './document-duplicate-pointers';
import { DocumentRepository } from './document.repository';
import { LedgerDocumentLinks } from './ledger-document-links';

/**
 * Hands the ledger its DocumentLinks. Global because the ledger must not import documents (they
 * depend on it); this module depends on nothing of the ledger but the interface it implements.
 */
@Global()
@Module({
  providers: [DocumentRepository, DocumentDuplicatePointers, { provide: DocumentLinks, useClass: LedgerDocumentLinks }],
  exports: [DocumentRepository, DocumentDuplicatePointers, DocumentLinks],
})
export class DocumentLinksModule {}
