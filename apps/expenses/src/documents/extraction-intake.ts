import { Injectable } from '@nestjs/common';
import type { ExtractionCompleted, ExtractionFailed, ExtractionStarted } from '@irp/contracts';
import { OwnerLock } from '@irp/persistence';
import { assertOwner } from '@irp/messaging';
import { getLogger } from '@irp/observability';
import { FileFromDocument } from '../expenses/file-from-document.use-case';
import { SettingsRepository } from '../settings/settings.repository';
import type { Document } from './document.entity';
import { DocumentRepository } from './document.repository';
import { draftFromExtraction } from './draft-from-extraction';
import { ProgressPublisher, type Announcement } from './progress.publisher';

/**
 * What the ocr service reports about a document, applied to it: a completed extraction becomes an
 * expense (exactly once per document, however often the report arrives), a failure is recorded
 * with its reason. Each returns the progress to announce once the transaction has committed.
 * News about a document of another user than the event's is refused (OwnerMismatch: dead-lettered).
 */
@Injectable()
export class ExtractionIntake {
  private readonly log = getLogger(ExtractionIntake.name);

  constructor(
    private readonly documents: DocumentRepository,
    private readonly settings: SettingsRepository,
    private readonly filing: FileFromDocument,
    private readonly progress: ProgressPublisher,
    private readonly ownerLock: OwnerLock,
  ) {}

  async started({ documentId }: ExtractionStarted, userId: string): Promise<Announcement | void> {
    const document = await this.lockedFor(userId, documentId);
    if (!document?.start()) return; // deleted, or late or repeated news
    await this.documents.flush();
    return this.progress.announcement(document);
  }

  async completed({ documentId, extraction, imageHash }: ExtractionCompleted, userId: string): Promise<Announcement | void> {
    const owner = await this.documents.ownerOf(documentId);
    if (!owner) return; // deleted
    assertOwner({ subject: { userId } }, owner, `document ${documentId}`);
    await this.ownerLock.take(owner); // its twins stay while it is filed against them
    const document = await this.documents.findForUpdate(documentId);
    if (!document || document.expenseId || document.status === 'completed') return; // deleted, or already filed
    document.extraction = extraction;
    document.pages = extraction.pages;
    document.imageHash = imageHash;
    const { baseCurrency } = await this.settings.get(document.userId);
    const draft = draftFromExtraction(extraction.fields, { currency: baseCurrency, date: document.createdAt.toISOString().slice(0, 10) });
    const expense = await this.filing.file(document.userId, document.id, draft, { duplicateOf: document.duplicateOf, imageHash });
    document.duplicateOf ??= expense.duplicateOf;
    document.fileAs(expense.id);
    await this.documents.flush();
    this.log.info({ documentId, expenseId: expense.id, review: draft.reviewReasons, duplicate: document.duplicateOf?.reason }, 'document filed as an expense');
    return this.progress.announcement(document);
  }

  async failed({ documentId, reason }: ExtractionFailed, userId: string): Promise<Announcement | void> {
    const document = await this.lockedFor(userId, documentId);
    if (!document?.fail(reason)) return; // deleted, or read already
    await this.documents.flush();
    this.log.info({ documentId, reason }, 'document could not be read');
    return this.progress.announcement(document);
  }

  /** The document, locked for this transaction; null when deleted, OwnerMismatch when not the user's. */
  private async lockedFor(userId: string, documentId: string): Promise<Document | null> {
    const document = await this.documents.findForUpdate(documentId);
    if (document) assertOwner({ subject: { userId } }, document.userId, `document ${documentId}`);
    return document;
  }
}
