import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';

/**
 * A user's correction of a field the reader extracted: what it read and what it should have read.
 * Kept as feedback to improve extraction later.
 */
@Entity({ tableName: 'expense_correction' })
@Index({ properties: ['documentId'] })
export class ExpenseCorrection {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  userId: string;

  @Property({ type: 'uuid' })
  expenseId: string;

  @Property({ type: 'uuid' })
  documentId: string;

  @Property({ type: 'text' })
  field: string;

  @Property({ type: 'text', nullable: true })
  extractedValue: string | null;

  @Property({ type: 'text', nullable: true })
  correctedValue: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  constructor(props: { userId: string; expenseId: string; documentId: string; field: string; extractedValue: string | null; correctedValue: string | null }) {
    this.userId = props.userId;
    this.expenseId = props.expenseId;
    this.documentId = props.documentId;
    this.field = props.field;
    this.extractedValue = props.extractedValue;
    this.correctedValue = props.correctedValue;
  }
}
