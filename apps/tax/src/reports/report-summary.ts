import type { TaxReviewReason } from '@irp/contracts';
import type { ReportItem } from './report-item';

export interface Amounts {
  gross: bigint;
  net: bigint;
  tax: bigint;
  deductible: bigint;
  reclaimable: bigint;
}

export interface LineTotals extends Amounts {
  code: string;
  expenseCount: number;
}

export interface RateTotals {
  rate: string;
  base: bigint;
  tax: bigint;
  reclaimable: bigint;
  estimated: bigint;
}

export interface FxBasis {
  sources: string[];
  firstRateDate: string | null;
  lastRateDate: string | null;
  convertedCount: number;
}

const zero = (): Amounts => ({ gross: 0n, net: 0n, tax: 0n, deductible: 0n, reclaimable: 0n });

function add(into: Amounts, item: Amounts): void {
  into.gross += item.gross;
  into.net += item.net;
  into.tax += item.tax;
  into.deductible += item.deductible;
  into.reclaimable += item.reclaimable;
}

/**
 * Totals of a report, built one item at a time (constant memory): per line, per tax rate, overall,
 * the review counts and the FX basis. The overall totals are the sums of the lines by construction.
 */
export class ReportSummary {
  readonly totals = zero();
  private readonly lines = new Map<string, LineTotals>();
  private readonly rates = new Map<string, RateTotals>();
  readonly review = new Map<TaxReviewReason, number>();
  reviewCount = 0;
  expenseCount = 0;
  uncountedCount = 0;
  private readonly fxSources = new Set<string>();
  private readonly fx: FxBasis = { sources: [], firstRateDate: null, lastRateDate: null, convertedCount: 0 };

  constructor(private readonly lineOrder: string[]) {
    for (const code of lineOrder) this.lines.set(code, { code, expenseCount: 0, ...zero() });
  }

  add(item: ReportItem): void {
    this.expenseCount++;
    if (item.review.length > 0) this.reviewCount++;
    for (const reason of item.review) this.review.set(reason, (this.review.get(reason) ?? 0) + 1);
    if (!item.counted) {
      this.uncountedCount++;
      return;
    }
    const line = this.lines.get(item.line) as LineTotals;
    line.expenseCount++;
    add(line, item);
    add(this.totals, item);
    for (const t of item.taxes) {
      const rate = this.rates.get(t.rate) ?? { rate: t.rate, base: 0n, tax: 0n, reclaimable: 0n, estimated: 0n };
      rate.base += t.base;
      rate.tax += t.tax;
      rate.reclaimable += t.reclaimable;
      if (t.estimated) rate.estimated += t.tax;
      this.rates.set(t.rate, rate);
    }
    this.noteFx(item);
  }

  private noteFx({ row }: ReportItem): void {
    if (row.currency === row.baseCurrency || !row.fxRateDate) return;
    this.fx.convertedCount++;
    if (row.fxSource) this.fxSources.add(row.fxSource);
    if (!this.fx.firstRateDate || row.fxRateDate < this.fx.firstRateDate) this.fx.firstRateDate = row.fxRateDate;
    if (!this.fx.lastRateDate || row.fxRateDate > this.fx.lastRateDate) this.fx.lastRateDate = row.fxRateDate;
  }

  lineTotals(): LineTotals[] {
    return this.lineOrder.map((code) => this.lines.get(code) as LineTotals);
  }

  rateTotals(): RateTotals[] {
    return [...this.rates.values()].sort((a, b) => Number(a.rate) - Number(b.rate));
  }

  fxBasis(): FxBasis {
    return { ...this.fx, sources: [...this.fxSources].sort() };
  }
}
