import { Inject, Injectable } from '@nestjs/common';
import { BLOB_STORE, type BlobStore } from '@irp/blob-store';
import { decodeKeysetCursor, encodeKeysetCursor, OwnerLock, UnitOfWork, type KeysetPosition } from '@irp/persistence';
import { SUBJECTS, type DocumentPage, type DocumentView, type ListDocumentsRequest, type RegisterDocumentRequest, type RegisterDocumentResult } from '@irp/contracts';
import { Outbox } from '@irp/messaging';
import { getLogger } from '@irp/observability';
import { EXPENSES_CONFIG, type ExpensesConfig } from '../config/env';
import { DuplicateDetector } from '../duplicates/duplicate-detector';
import { IdempotencyKeyTaken } from '../expenses/expenses.errors';
import { FileFromDocument } from '../expenses/file-from-document.use-case';
import { SettingsRepository } from '../settings/settings.repository';
import { Document } from './document.entity';
import { toDocumentView } from './document.mapper';
import { DocumentRepository } from './document.repository';
import { DocumentsErrors } from './documents.errors';
import { DocumentDuplicatePointers } from './document-duplicate-pointers';

const DEFAULT_PAGE_SIZE = 20;

@Injectable()
export class DocumentsService {
  private readonly log = getLogger(DocumentsService.name);

  constructor(
    private readonly documents: DocumentRepository,
    private readonly settings: SettingsRepository,
    private readonly filing: FileFromDocument,
    private readonly duplicates: DocumentDuplicatePointers,
    private readonly detector: DuplicateDetector,
    private readonly ownerLock: OwnerLock,
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: Outbox,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(EXPENSES_CONFIG) private readonly config: ExpensesConfig,
  ) {}

  /**
   * Records an upload and queues it for reading, in one transaction (the job goes out through the
   * outbox). The same bytes uploaded before are flagged at once; an Idempotency-Key seen before
   * answers the earlier upload; an upload that would take the user over the quota is refused.
   */
  async register(request: RegisterDocumentRequest): Promise<RegisterDocumentResult> {
    if (request.idempotencyKey) {
      const earlier = await this.documents.findByIdempotencyKey(request.userId, request.idempotencyKey);
      if (earlier) return { document: toDocumentView(earlier), replayed: true };
    }
    const document = new Document({ ...request, id: request.documentId });
    document.fileName = request.fileName ?? null;
    document.idempotencyKey = request.idempotencyKey ?? null;
    document.provenance = request.provenance ?? null;
    try {
      await this.unitOfWork.run(async () => {
        await this.ownerLock.take(request.userId);
        await this.checkQuota(request.userId, request.size);
        document.duplicateOf = await this.detector.detect({ userId: document.userId, documentId: document.id, sha256: document.sha256 });
        await this.documents.add(document);
        const { locale } = await this.settings.get(request.userId);
        this.outbox.record(SUBJECTS.ocrJobRequested, request.userId, { documentId: document.id, objectName: document.objectName, mimeType: document.mimeType, locale });
      });
    } catch (error) {
      if (request.idempotencyKey && error instanceof IdempotencyKeyTaken) {
        const earlier = await this.documents.findByIdempotencyKey(request.userId, request.idempotencyKey);
        if (earlier) return { document: toDocumentView(earlier), replayed: true };
      }
      throw error;
    }
    this.log.info({ documentId: document.id, mimeType: document.mimeType, size: document.size }, 'document queued');
    return { document: toDocumentView(document), replayed: false };
  }

  async get(userId: string, documentId: string): Promise<DocumentView> {
    return toDocumentView(await this.owned(userId, documentId));
  }

  async list(request: ListDocumentsRequest): Promise<DocumentPage> {
    const limit = Number(request.limit ?? DEFAULT_PAGE_SIZE);
    const rows = await this.documents.page(request.userId, limit, request.status, request.cursor ? decodeCursor(request.cursor) : undefined);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map(toDocumentView), nextCursor: rows.length > limit ? encodeKeysetCursor(last.createdAt, last.id) : null };
  }

  /**
   * Removes the document and then its bytes; an expense filed from it stays, unlinked, and so do
   * the duplicates flagged against it.
   */
  async delete(userId: string, documentId: string): Promise<void> {
    const document = await this.unitOfWork.run(async () => {
      // Locked, so that an extraction being filed for it (or a twin of it) ends first: its expense is unlinked too.
      await this.ownerLock.take(userId);
      const owned = await this.documents.findOwnedForUpdate(userId, documentId);
      if (!owned) throw DocumentsErrors.notFound();
      await this.filing.documentDeleted(userId, documentId);
      await this.duplicates.forget(userId, { documentId });
      this.documents.remove(owned);
      await this.documents.flush();
      return owned;
    });
    await this.blobs.delete(document.objectName);
  }

  /** Under the owner lock: an upload that would take the user's documents over the quota is refused. */
  private async checkQuota(userId: string, size: number): Promise<void> {
    const { quotaBytes } = this.config.documents;
    if (quotaBytes === 0) return;
    const stored = await this.documents.storedBytes(userId);
    if (stored + size > quotaBytes) throw DocumentsErrors.quotaExceeded(stored, size, quotaBytes);
  }

  private async owned(userId: string, documentId: string): Promise<Document> {
    const document = await this.documents.findOwned(userId, documentId);
    if (!document) throw DocumentsErrors.notFound();
    return document;
  }
}

function decodeCursor(cursor: string): KeysetPosition {
  const position = decodeKeysetCursor(cursor);
  if (!position) throw DocumentsErrors.invalidCursor();
  return position;
}
