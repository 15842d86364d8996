import { BigIntType } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** A tax line as the receipt shows it, in minor units of the expense's currency. */
export interface StoredTaxLine {
  rate: string;
  baseMinor: string | null;
  amountMinor: string;
  label: string;
}

/**
 * The tax service's copy of an expense (a projection of the expense events): what reports need,
 * kept at the highest version seen. A deleted expense stays as a tombstone, so an older event
 * arriving late cannot bring it back.
 */
@Entity({ tableName: 'expense_tax' })
// Reports read a user's expenses category by category, in date order (keyset pages on this index).
@Index({ properties: ['userId', 'category', 'date', 'id'] })
export class ExpenseTax {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'boolean' })
  deleted!: boolean;

  @Property({ type: 'date' })
  date!: string;

  @Property({ type: 'text' })
  vendor!: string;

  /** Lower-case category name. */
  @Property({ type: 'text' })
  category!: string;

  @Property({ type: 'text' })
  status!: string;

  @Property({ type: 'text' })
  currency!: string;

  @Property({ type: new BigIntType('bigint') })
  amountMinor!: bigint;

  @Property({ type: new BigIntType('bigint'), nullable: true })
  convertedMinor!: bigint | null;

  @Property({ type: 'text', nullable: true })
  baseCurrency!: string | null;

  @Property({ type: 'text', nullable: true })
  fxRate!: string | null;

  @Property({ type: 'date', nullable: true })
  fxRateDate!: string | null;

  @Property({ type: 'text', nullable: true })
  fxSource!: string | null;

  @Property({ type: 'uuid', nullable: true })
  documentId!: string | null;

  @Property({ type: 'json' })
  taxLines!: StoredTaxLine[];
}
