import { toDecimalString } from '@irp/money';
import { documentUrl, type ReportContent } from './report-content';
import type { ReportItem } from './report-item';

export const CSV_COLUMNS = [
  'line',
  'line_label',
  'expense_id',
  'date',
  'vendor',
  'category',
  'original_amount',
  'original_currency',
  'currency',
  'gross',
  'net',
  'tax',
  'tax_rates',
  'deductible_percent',
  'deductible',
  'reclaimable_tax',
  'fx_rate',
  'fx_rate_date',
  'fx_source',
  'review',
  'document_url',
] as const;

/**
 * One RFC 4180 field: quoted when it holds a comma, quote or line break (quotes doubled). Text
 * starting with = + - @ is prefixed with ' so spreadsheets never run it as a formula.
 */
export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvRow(item: ReportItem, currency: string, lineLabel: string): string {
  const { row } = item;
  const money = (minor: bigint) => (item.counted ? toDecimalString(minor, currency) : null);
  const converted = row.currency !== row.baseCurrency;
  const fields: Record<(typeof CSV_COLUMNS)[number], string | null> = {
    line: item.line,
    line_label: lineLabel,
    expense_id: row.id,
    date: row.date,
    vendor: row.vendor,
    category: row.category,
    original_amount: toDecimalString(BigInt(row.amountMinor), row.currency),
    original_currency: row.currency,
    currency,
    gross: money(item.gross),
    net: money(item.net),
    tax: money(item.tax),
    tax_rates: item.taxes.map((t) => `${t.rate}%${t.estimated ? ' (estimated)' : ''}: ${toDecimalString(t.tax, currency)}`).join('; '),
    deductible_percent: item.deductiblePercent,
    deductible: money(item.deductible),
    reclaimable_tax: money(item.reclaimable),
    fx_rate: converted ? row.fxRate : null,
    fx_rate_date: converted ? row.fxRateDate : null,
    fx_source: converted ? row.fxSource : null,
    review: item.review.join(';'),
    document_url: documentUrl(row.documentId),
  };
  return `${CSV_COLUMNS.map((column) => csvField(fields[column])).join(',')}\r\n`;
}

/**
 * The report as CSV (RFC 4180): one row per expense with its line, line by line, streamed straight
 * from the query (constant memory). Expenses without an amount in the report currency have empty
 * amounts and `unconverted_currency` under review; every other row counts in the totals.
 */
export async function* csvReport(content: ReportContent): AsyncGenerator<string> {
  const labels = new Map(content.rules.profile.lines.map((line) => [line.code, line.label]));
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  for await (const item of content.items()) yield csvRow(item, content.header.currency, labels.get(item.line) ?? item.line);
}
