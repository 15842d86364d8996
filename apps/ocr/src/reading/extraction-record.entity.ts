import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Extraction } from '@irp/contracts';

/** What was read from a document, kept by the ocr service (reprocessing, accuracy studies). */
@Entity({ tableName: 'extraction' })
export class ExtractionRecord {
  @PrimaryKey({ type: 'uuid' })
  documentId: string;

  @Property({ type: 'uuid' })
  userId: string;

  @Property({ type: 'json' })
  extraction: Extraction;

  @Property({ type: 'text', nullable: true })
  imageHash: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  constructor(documentId: string, userId: string, extraction: Extraction, imageHash: string | null) {
    this.documentId = documentId;
    this.userId = userId;
    this.extraction = extraction;
    this.imageHash = imageHash;
  }
}
