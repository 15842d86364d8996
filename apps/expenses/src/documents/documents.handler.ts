import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DocumentIdRequest, ListDocumentsRequest, RegisterDocumentRequest, SUBJECTS, type DocumentPage, type DocumentView, type RegisterDocumentResult } from '@irp/contracts';
import { DocumentsService } from './documents.service';

@Controller()
export class DocumentsHandler {
  constructor(private readonly documents: DocumentsService) {}

  @MessagePattern(SUBJECTS.registerDocument)
  register(@Payload() request: RegisterDocumentRequest): Promise<RegisterDocumentResult> {
    return this.documents.register(request);
  }

  @MessagePattern(SUBJECTS.getDocument)
  get(@Payload() request: DocumentIdRequest): Promise<DocumentView> {
    return this.documents.get(request.userId, request.documentId);
  }

  @MessagePattern(SUBJECTS.listDocuments)
  list(@Payload() request: ListDocumentsRequest): Promise<DocumentPage> {
    return this.documents.list(request);
  }

  @MessagePattern(SUBJECTS.deleteDocument)
  async delete(@Payload() request: DocumentIdRequest): Promise<{ deleted: true }> {
    await this.documents.delete(request.userId, request.documentId);
    return { deleted: true };
  }
}
