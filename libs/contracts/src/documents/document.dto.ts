import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQuery } from '../page-query';
import { UserScoped } from '../user-scoped';
import { Extraction } from './extraction.dto';
import { Nullable } from '../nullable';

/** The blob store bucket holding uploaded documents' bytes (gateway writes, ocr reads, expenses deletes). */
export const DOCUMENTS_BUCKET = 'documents';

/**
 * Largest Hamming distance between two 64-bit perceptual hashes of the same picture. Measured on
 * the SROIE sample: re-encoding and rescaling move 0–4 bits; different receipts are 6+ bits apart
 * (1% of pairs under 14), and crops, rotations or a re-shot photo move 10–26 bits — those are left
 * to the same-vendor-date-total check rather than risk calling two receipts one.
 */
export const SAME_IMAGE_MAX_HAMMING_DISTANCE = 4;

/** What an upload may be: decided from the bytes (magic numbers), never from the file name. */
export const UPLOAD_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/tiff', 'image/heic', 'image/heif', 'application/pdf'] as const;
/** What a document may be: an upload's types, or the body of a mail that reads like a receipt (UTF-8). */
export const DOCUMENT_MIME_TYPES = [...UPLOAD_MIME_TYPES, 'text/html', 'text/plain'] as const;
export type DocumentMimeType = (typeof DOCUMENT_MIME_TYPES)[number];

export const DOCUMENT_STATUSES = ['queued', 'processing', 'completed', 'failed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const DUPLICATE_REASONS = ['same_file', 'same_image', 'same_receipt'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export class DuplicateRef {
  @Nullable()
  @IsUUID()
  documentId!: string | null;

  @Nullable()
  @IsUUID()
  expenseId!: string | null;

  /** same_file: identical bytes; same_image: the same picture (perceptual hash); same_receipt: same vendor, date and total. */
  @IsIn(DUPLICATE_REASONS)
  reason!: DuplicateReason;
}

/** Where a document came from when it was not uploaded: the mail it arrived in. */
export class DocumentProvenance {
  @IsIn(['email'])
  channel!: 'email';

  @Nullable()
  @IsString()
  @MaxLength(998)
  sender!: string | null;

  @Nullable()
  @IsString()
  @MaxLength(998)
  subject!: string | null;

  /** The mail's Date header (ISO timestamp). */
  @Nullable()
  @IsString()
  @MaxLength(40)
  date!: string | null;

  @Nullable()
  @IsString()
  @MaxLength(998)
  messageId!: string | null;
}

export class DocumentView {
  @IsUUID()
  id!: string;

  @IsIn(DOCUMENT_STATUSES)
  status!: DocumentStatus;

  /** 0–100 while processing. */
  @IsInt()
  @Min(0)
  @Max(100)
  progress!: number;

  @Nullable()
  @IsString()
  fileName!: string | null;

  @IsIn(DOCUMENT_MIME_TYPES)
  mimeType!: DocumentMimeType;

  @IsInt()
  @Min(1)
  size!: number;

  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;

  @Nullable()
  @IsInt()
  pages!: number | null;

  /** Why processing failed, in words for the user. */
  @Nullable()
  @IsString()
  failureReason!: string | null;

  @Nullable()
  @ValidateNested()
  @Type(() => Extraction)
  extraction!: Extraction | null;

  /** The expense it became. */
  @Nullable()
  @IsUUID()
  expenseId!: string | null;

  @Nullable()
  @ValidateNested()
  @Type(() => DuplicateRef)
  duplicateOf!: DuplicateRef | null;

  /** The mail it arrived in; null for uploads. */
  @Nullable()
  @ValidateNested()
  @Type(() => DocumentProvenance)
  provenance!: DocumentProvenance | null;

  @IsString()
  createdAt!: string;

  @IsString()
  updatedAt!: string;
}

/** The answer to an upload: the document and where to follow it. */
export class UploadedDocument extends DocumentView {
  @IsString()
  @MaxLength(100)
  statusUrl!: string;

  @IsString()
  @MaxLength(100)
  eventsUrl!: string;
}

export class DocumentPage {
  @ValidateNested({ each: true })
  @Type(() => DocumentView)
  items!: DocumentView[];

  @Nullable()
  @IsString()
  nextCursor!: string | null;
}

/** Sent by the gateway once the bytes are in the blob store. */
export class RegisterDocumentRequest extends UserScoped {
  @IsUUID()
  documentId!: string;

  /** The blob store object holding the bytes. */
  @IsString()
  @Length(1, 200)
  objectName!: string;

  @IsOptional()
  @IsString()
  @Length(1, 255)
  fileName?: string;

  @IsIn(DOCUMENT_MIME_TYPES)
  mimeType!: DocumentMimeType;

  @IsInt()
  @Min(1)
  size!: number;

  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;

  @IsOptional()
  @IsString()
  @Length(1, 255)
  idempotencyKey?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => DocumentProvenance)
  provenance?: DocumentProvenance;
}

export class RegisterDocumentResult {
  @ValidateNested()
  @Type(() => DocumentView)
  document!: DocumentView;

  /** True when the Idempotency-Key named an earlier upload: that one is answered, the new bytes are not kept. */
  @IsBoolean()
  replayed!: boolean;
}

export class DocumentIdRequest extends UserScoped {
  @IsUUID()
  documentId!: string;
}

export class ListDocumentsQuery extends PageQuery {
  @IsOptional()
  @IsIn(DOCUMENT_STATUSES)
  status?: DocumentStatus;
}

/** The query, on behalf of the caller. */
export class ListDocumentsRequest extends ListDocumentsQuery implements UserScoped {
  @IsUUID()
  userId!: string;
}

// ---- the work queue and the OCR outcome ---------------------------------------------------------

/** A document to read: queued by expenses (outbox → OCR_JOBS), taken by one ocr worker. */
export class OcrJob {
  @IsUUID()
  documentId!: string;

  @IsString()
  objectName!: string;

  @IsIn(DOCUMENT_MIME_TYPES)
  mimeType!: DocumentMimeType;

  /** The owner's locale: day/month order of dates, decimal separators. */
  @IsString()
  locale!: string;
}

export class ExtractionStarted {
  @IsUUID()
  documentId!: string;
}

export class ExtractionCompleted {
  @IsUUID()
  documentId!: string;

  @ValidateNested()
  @Type(() => Extraction)
  extraction!: Extraction;

  /** 64-bit perceptual hash (hex) of the first page, to find the same picture again; null if none. */
  @Nullable()
  @Matches(/^[0-9a-f]{16}$/)
  imageHash!: string | null;
}

export class ExtractionFailed {
  @IsUUID()
  documentId!: string;

  /** For the user: why the document could not be read. */
  @IsString()
  reason!: string;
}

/** Ephemeral (core NATS) progress of one document, for the SSE stream. */

/** Core NATS subjects of progress: `<service>.progress.<documentId>`; subscribe to `*.progress.<id>`. */
export const PROGRESS_SUBJECTS = {
  ocr: (documentId: string) => `ocr.progress.${documentId}`,
  expenses: (documentId: string) => `expenses.progress.${documentId}`,
  any: (documentId: string) => `*.progress.${documentId}`,
};
