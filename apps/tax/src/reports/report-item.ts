import type { TaxReviewReason } from '@irp/contracts';
import { convertMinorUnits } from '@irp/money';
import type { CategoryRules } from '../profiles/category-rules';
import { baseOfTax, normalizedRate, percentOf, taxInGross } from '../profiles/tax-amounts';
import type { StoredTaxLine } from '../projection/expense-tax.entity';

/** An expense as the report query reads it (minor units as strings: bigint columns). */
export interface ReportRow {
  id: string;
  date: string;
  vendor: string;
  category: string;
  status: string;
  currency: string;
  amountMinor: string;
  convertedMinor: string | null;
  baseCurrency: string | null;
  fxRate: string | null;
  fxRateDate: string | null;
  fxSource: string | null;
  documentId: string | null;
  taxLines: StoredTaxLine[];
}

/** One rate's tax on an expense, in the report currency. */
export interface ItemTax {
  rate: string;
  base: bigint;
  tax: bigint;
  reclaimable: bigint;
  estimated: boolean;
}

/** An expense placed on a report line, every amount in minor units of the report currency. */
export interface ReportItem {
  row: ReportRow;
  line: string;
  deductiblePercent: string;
  /** False when it has no amount in the report currency: listed for review, left out of the totals. */
  counted: boolean;
  gross: bigint;
  tax: bigint;
  net: bigint;
  deductible: bigint;
  reclaimable: bigint;
  taxes: ItemTax[];
  review: TaxReviewReason[];
}

export interface ItemOptions {
  currency: string;
  estimateMissingTax: boolean;
}

function inReportCurrency(minor: bigint, row: ReportRow, currency: string): bigint {
  return row.currency === currency ? minor : convertMinorUnits(minor, row.currency, currency, row.fxRate as string);
}

/** The receipt's tax lines in the report currency, or one estimated from the profile's standard rate. */
function taxesOf(row: ReportRow, gross: bigint, options: ItemOptions, standardRate: string | null): ItemTax[] {
  if (row.taxLines.length > 0) {
    return row.taxLines.map((line, _index, all) => {
      const tax = inReportCurrency(BigInt(line.amountMinor), row, options.currency);
      const base = line.baseMinor !== null ? inReportCurrency(BigInt(line.baseMinor), row, options.currency) : all.length === 1 ? gross - tax : baseOfTax(tax, line.rate);
      return { rate: normalizedRate(line.rate), base, tax, reclaimable: 0n, estimated: false };
    });
  }
  if (!options.estimateMissingTax || standardRate === null) return [];
  const tax = taxInGross(gross, standardRate);
  return [{ rate: normalizedRate(standardRate), base: gross - tax, tax, reclaimable: 0n, estimated: true }];
}

/**
 * Places an expense on its line and computes its amounts. With reclaimable input tax (VAT) the
 * deductible share applies to the net amount and the tax is reclaimed (unless the category is
 * excluded); otherwise the tax is part of the cost and the share applies to the gross amount.
 */
export function reportItem(row: ReportRow, rules: CategoryRules, options: ItemOptions): ReportItem {
  const rule = rules.for(row.category);
  const review: TaxReviewReason[] = [];
  if (row.documentId === null) review.push('missing_receipt');
  if (row.status === 'needs_review') review.push('needs_review');
  const item = { row, line: rule.line, deductiblePercent: rule.deductiblePercent, review, gross: 0n, tax: 0n, net: 0n, deductible: 0n, reclaimable: 0n, taxes: [] as ItemTax[] };
  if (row.convertedMinor === null || row.baseCurrency !== options.currency || (row.currency !== options.currency && row.fxRate === null)) {
    review.push('unconverted_currency');
    return { ...item, counted: false };
  }
  const gross = BigInt(row.convertedMinor);
  const reclaims = rules.profile.inputTaxReclaimable && !rule.inputTaxExcluded;
  const taxes = taxesOf(row, gross, options, rules.profile.standardRate ?? null).map((t) => ({ ...t, reclaimable: reclaims ? t.tax : 0n }));
  if (taxes.some((t) => t.estimated)) review.push('estimated_tax');
  const tax = taxes.reduce((sum, t) => sum + t.tax, 0n);
  const reclaimable = taxes.reduce((sum, t) => sum + t.reclaimable, 0n);
  const net = gross - tax;
  const deductible = percentOf(reclaimable > 0n ? gross - reclaimable : gross, rule.deductiblePercent);
  return { ...item, counted: true, gross, tax, net, deductible, reclaimable, taxes };
}
