import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { DOCUMENT_STATUSES, type DocumentStatus } from './document.dto';

/**
 * Server-sent events of one document (`GET /api/v1/documents/:id/events`), by their `event:` name:
 * `state` (a DocumentView, first on every connection), `progress` (a DocumentProgressEvent) and
 * `done` (the final DocumentView, last).
 */
export const DOCUMENT_STREAM_EVENTS = ['state', 'progress', 'done'] as const;
export type DocumentStreamEvent = (typeof DOCUMENT_STREAM_EVENTS)[number];

/** The data of a `progress` event: how far the reading of a document has got. */
export class DocumentProgressEvent {
  @IsUUID()
  documentId!: string;

  @IsIn(DOCUMENT_STATUSES)
  status!: DocumentStatus;

  /** 0–100; never goes back within one stream. */
  @IsInt()
  @Min(0)
  @Max(100)
  progress!: number;

  /** What is being done, e.g. `ocr`, `extracting`. */
  @IsOptional()
  @IsString()
  stage?: string;
}

/**
 * A progress message on core NATS (`<service>.progress.<documentId>`, published by ocr and
 * expenses): the data of a `progress` event, and the outcome once the document is final.
 */
export class DocumentProgress extends DocumentProgressEvent {
  @IsOptional()
  @IsUUID()
  expenseId?: string | null;

  @IsOptional()
  @IsString()
  failureReason?: string | null;
}

/** A short-lived token that opens the event stream of one document, for clients that cannot send headers (EventSource). */
export class StreamTokenView {
  /** Pass it as `?token=` on `url`; it opens only this document's events. */
  @IsString()
  token!: string;

  @IsISO8601()
  expiresAt!: string;

  /** The events URL with the token in it, ready for `new EventSource(url)`. */
  @IsString()
  url!: string;
}
