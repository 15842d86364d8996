import type { DocumentView } from '@irp/contracts';
import type { Document } from './document.entity';

export function toDocumentView(document: Document): DocumentView {
  return {
    id: document.id,
    status: document.status,
    progress: document.progress,
    fileName: document.fileName,
    mimeType: document.mimeType,
    size: document.size,
    sha256: document.sha256,
    pages: document.pages,
    failureReason: document.failureReason,
    extraction: document.extraction,
    expenseId: document.expenseId,
    duplicateOf: document.duplicateOf,
    provenance: document.provenance,
    createdAt: document.createdAt.toISOString(),
    updatedAt: document.updatedAt.toISOString(),
  };
}
