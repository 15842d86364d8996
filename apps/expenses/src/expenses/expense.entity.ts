import { ArrayType, BigIntType } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';
import type { ExpenseStatus, PaymentMethod } from '@irp/contracts';
import { Category } from '../categories/category.entity';
import type { DuplicatePointer } from '../duplicates/duplicate-pointer';

/** A tax line in minor units of the expense's currency. */
export interface TaxLine {
  rate: string;
  baseMinor: string | null;
  amountMinor: string;
  label: string;
}

/** The amount in the owner's base currency, with the rate used; null while no rate was usable. */
export interface Conversion {
  amountMinor: bigint;
  currency: string;
  rate: string;
  rateDate: string;
  source: string;
}

/**
 * The expense ledger's record. Money is integer minor units + ISO 4217 code; the converted amount
 * keeps the rate, its date and source. Indexes serve the list query: a user's expenses by date,
 * by category and date, and by creation time, always with the id as tie-breaker for keyset paging.
 */
@Entity({ tableName: 'expense' })
@Index({ properties: ['userId', 'date', 'id'] })
@Index({ properties: ['userId', 'category', 'date', 'id'] })
@Index({ properties: ['userId', 'createdAt', 'id'] })
@Index({ properties: ['userId', 'documentId'] })
export class Expense {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  userId: string;

  @Property({ type: 'text' })
  vendor!: string;

  /** Lower-cased, whitespace-collapsed: what searches and vendor sorting use. */
  @Property({ type: 'text' })
  vendorNormalized!: string;

  @Property({ type: 'date' })
  date: string;

  @Property({ type: new BigIntType('bigint') })
  amountMinor: bigint;

  @Property({ type: 'text' })
  currency: string;

  @Property({ type: new BigIntType('bigint'), nullable: true })
  convertedMinor: bigint | null = null;

  @Property({ type: 'text', nullable: true })
  baseCurrency: string | null = null;

  @Property({ type: 'decimal', precision: 30, scale: 15, nullable: true })
  fxRate: string | null = null;

  @Property({ type: 'date', nullable: true })
  fxRateDate: string | null = null;

  @Property({ type: 'text', nullable: true })
  fxSource: string | null = null;

  @Property({ type: 'text' })
  conversionStatus: 'converted' | 'pending' = 'pending';

  @Property({ type: new BigIntType('bigint'), nullable: true })
  subtotalMinor: bigint | null = null;

  @Property({ type: 'json' })
  taxLines: TaxLine[] = [];

  @Property({ type: new BigIntType('bigint'), nullable: true })
  tipMinor: bigint | null = null;

  @Property({ type: 'text', nullable: true })
  paymentMethod: PaymentMethod | null = null;

  @Property({ type: 'text', nullable: true })
  cardLast4: string | null = null;

  @ManyToOne(() => Category, { deleteRule: 'restrict' })
  category: Category;

  @Property({ type: ArrayType })
  tags: string[] = [];

  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  @Property({ type: 'text' })
  status: ExpenseStatus = 'confirmed';

  @Property({ type: 'uuid', nullable: true })
  documentId: string | null = null;

  /** Set when this looks like an expense already filed: flagged, never dropped or merged. */
  @Property({ type: 'json', nullable: true })
  duplicateOf: DuplicatePointer | null = null;

  /** The values read from the document it came from, to record the user's corrections against. */
  @Property({ type: 'json', nullable: true })
  extracted: Record<string, string | null> | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** Optimistic lock; also the ETag. */
  @Property({ type: 'integer', version: true })
  version!: number;

  constructor(props: { userId: string; vendor: string; date: string; amountMinor: bigint; currency: string; category: Category }) {
    this.userId = props.userId;
    this.setVendor(props.vendor);
    this.date = props.date;
    this.amountMinor = props.amountMinor;
    this.currency = props.currency;
    this.category = props.category;
  }

  setVendor(vendor: string): void {
    this.vendor = vendor.trim();
    this.vendorNormalized = normalizeVendor(vendor);
  }

  get conversion(): Conversion | null {
    if (this.conversionStatus !== 'converted' || this.convertedMinor === null) return null;
    return {
      amountMinor: this.convertedMinor,
      currency: this.baseCurrency ?? this.currency,
      rate: this.fxRate ?? '1',
      rateDate: this.fxRateDate ?? this.date,
      source: this.fxSource ?? 'identity',
    };
  }

  applyConversion(conversion: Conversion | null): void {
    this.conversionStatus = conversion ? 'converted' : 'pending';
    this.convertedMinor = conversion?.amountMinor ?? null;
    this.baseCurrency = conversion?.currency ?? null;
    this.fxRate = conversion?.rate ?? null;
    this.fxRateDate = conversion?.rateDate ?? null;
    this.fxSource = conversion?.source ?? null;
  }
}

export function normalizeVendor(vendor: string): string {
  return vendor.trim().replace(/\s+/g, ' ').toLowerCase();
}
