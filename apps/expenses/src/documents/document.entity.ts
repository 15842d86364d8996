import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { DocumentMimeType, DocumentProvenance, DocumentStatus, Extraction } from '@irp/contracts';
import type { DuplicatePointer } from '../duplicates/duplicate-pointer';

/** Progress of a document as the expenses service sees it (the ocr service reports the steps between). */
const PROGRESS_STARTED = 10;
const PROGRESS_DONE = 100;

/** An uploaded receipt or invoice: its bytes live in the blob store, this is what we know of them. */
@Entity({ tableName: 'document' })
@Unique({ properties: ['userId', 'idempotencyKey'] })
@Index({ properties: ['userId', 'createdAt', 'id'] })
@Index({ properties: ['userId', 'sha256'] })
export class Document {
  /** Chosen by the gateway before storing the bytes (the blob is named after it). */
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  userId: string;

  @Property({ type: 'text' })
  objectName: string;

  @Property({ type: 'text', nullable: true })
  fileName: string | null = null;

  @Property({ type: 'text' })
  mimeType: DocumentMimeType;

  @Property({ type: 'integer' })
  size: number;

  @Property({ type: 'text' })
  sha256: string;

  @Property({ type: 'integer', nullable: true })
  pages: number | null = null;

  /** Perceptual hash of the (first) image, from the ocr service. */
  @Property({ type: 'text', nullable: true })
  imageHash: string | null = null;

  @Property({ type: 'text' })
  status: DocumentStatus = 'queued';

  @Property({ type: 'integer' })
  progress: number = 0;

  @Property({ type: 'text', nullable: true })
  failureReason: string | null = null;

  @Property({ type: 'json', nullable: true })
  extraction: Extraction | null = null;

  @Property({ type: 'uuid', nullable: true })
  expenseId: string | null = null;

  @Property({ type: 'json', nullable: true })
  duplicateOf: DuplicatePointer | null = null;

  @Property({ type: 'text', nullable: true })
  idempotencyKey: string | null = null;

  /** The mail it arrived in (sender, subject, date, Message-ID); null for uploads. */
  @Property({ type: 'json', nullable: true })
  provenance: DocumentProvenance | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  constructor(props: { id: string; userId: string; objectName: string; mimeType: DocumentMimeType; size: number; sha256: string }) {
    this.id = props.id;
    this.userId = props.userId;
    this.objectName = props.objectName;
    this.mimeType = props.mimeType;
    this.size = props.size;
    this.sha256 = props.sha256;
  }

  /** The reader has started on it; false for late or repeated news (it started, or ended, already). */
  start(): boolean {
    if (this.status !== 'queued') return false;
    this.status = 'processing';
    this.progress = PROGRESS_STARTED;
    return true;
  }

  /** Read and filed as an expense: done, whatever failed before. */
  fileAs(expenseId: string): void {
    this.expenseId = expenseId;
    this.status = 'completed';
    this.progress = PROGRESS_DONE;
    this.failureReason = null;
  }

  /** Could not be read; false when it was read already (a late failure changes nothing). */
  fail(reason: string): boolean {
    if (this.status === 'completed') return false;
    this.status = 'failed';
    this.failureReason = reason;
    return true;
  }
}
