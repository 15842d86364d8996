import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** One reference rate: units of `currency` per 1 EUR on `date`, as published by `source`. */
@Entity({ tableName: 'fx_rate' })
export class FxRate {
  @PrimaryKey({ type: 'text' })
  source: string;

  @PrimaryKey({ type: 'date' })
  date: string;

  @PrimaryKey({ type: 'text' })
  currency: string;

  /** Exact decimal (numeric), never a float. */
  @Property({ type: 'decimal', precision: 24, scale: 12 })
  rate: string;

  constructor(source: string, date: string, currency: string, rate: string) {
    this.source = source;
    this.date = date;
    this.currency = currency;
    this.rate = rate;
  }
}
