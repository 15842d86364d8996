import { Controller } from '@nestjs/common';
import { DocumentIdRequest, ListDocumentsRequest, RegisterDocumentRequest, SUBJECTS, type DocumentPage, type DocumentView, type RegisterDocumentResult } from '@irp/contracts';
import { Rpc } from '@irp/messaging';
import { DocumentsService } from './documents.service';

@Controller()
export class DocumentsHandler {
  constructor(private readonly documents: DocumentsService) {}

  @Rpc(SUBJECTS.registerDocument)
  register(request: RegisterDocumentRequest): Promise<RegisterDocumentResult> {
    return this.documents.register(request);
  }

  @Rpc(SUBJECTS.getDocument)
  get(request: DocumentIdRequest): Promise<DocumentView> {
    return this.documents.get(request.userId, request.documentId);
  }

  @Rpc(SUBJECTS.listDocuments)
  list(request: ListDocumentsRequest): Promise<DocumentPage> {
    return this.documents.list(request);
  }

  @Rpc(SUBJECTS.deleteDocument)
  async delete(request: DocumentIdRequest): Promise<{ deleted: true }> {
    await this.documents.delete(request.userId, request.documentId);
    return { deleted: true };
  }
}
