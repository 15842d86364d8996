import { ArrayType, BigIntType } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * What budgets know of an expense, from its events: the latest version wins whatever the order
 * of arrival, a deletion leaves a tombstone (so an older `updated` arriving after it cannot bring
 * the expense back). Spend is a SUM over these rows: a moved category, tag, date or amount moves
 * its spend with no bookkeeping. Written in plain SQL by ExpenseProjectionRepository.
 */
@Entity({ tableName: 'expense_projection' })
// Status reads sum a user's range of days: the index covers the sum (index-only scans).
@Index({ name: 'expense_projection_spend', properties: ['userId', 'date'], include: ['convertedMinor', 'currency', 'categoryId', 'deleted'] })
export class ExpenseProjection {
  @PrimaryKey({ type: 'uuid' })
  expenseId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'boolean' })
  deleted!: boolean;

  @Property({ type: 'date' })
  date!: string;

  @Property({ type: 'uuid' })
  categoryId!: string;

  @Property({ type: ArrayType })
  tags!: string[];

  /** In the owner's base currency; null while the conversion is pending (it does not count yet). */
  @Property({ type: new BigIntType('bigint'), nullable: true })
  convertedMinor!: bigint | null;

  @Property({ type: 'text', nullable: true })
  currency!: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  appliedAt!: Date;
}
