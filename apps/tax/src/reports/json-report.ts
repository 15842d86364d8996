import { toDecimalString } from '@irp/money';
import { documentUrl, type ReportContent } from './report-content';
import type { ReportItem } from './report-item';
import type { Amounts, ReportSummary } from './report-summary';

type Money = (minor: bigint) => string;

function amounts(a: Amounts, money: Money) {
  return { gross: money(a.gross), net: money(a.net), tax: money(a.tax), deductible: money(a.deductible), reclaimableTax: money(a.reclaimable) };
}

function expenseEntry(item: ReportItem, money: Money) {
  const { row } = item;
  return {
    id: row.id,
    date: row.date,
    vendor: row.vendor,
    category: row.category,
    originalAmount: toDecimalString(BigInt(row.amountMinor), row.currency),
    originalCurrency: row.currency,
    fx: row.currency === row.baseCurrency ? null : { rate: row.fxRate, rateDate: row.fxRateDate, source: row.fxSource },
    ...amounts(item, money),
    taxes: item.taxes.map((t) => ({ rate: t.rate, base: money(t.base), tax: money(t.tax), reclaimable: money(t.reclaimable), estimated: t.estimated })),
    review: item.review,
    documentUrl: documentUrl(row.documentId),
  };
}

function reviewEntry(item: ReportItem) {
  const { row } = item;
  return {
    id: row.id,
    date: row.date,
    vendor: row.vendor,
    category: row.category,
    line: item.line,
    originalAmount: toDecimalString(BigInt(row.amountMinor), row.currency),
    originalCurrency: row.currency,
    counted: item.counted,
    reasons: item.review,
    documentUrl: documentUrl(row.documentId),
  };
}

/**
 * The report as JSON, streamed: the header and totals first (from the summary pass), then each
 * line with its expenses, then the expenses needing review. Amounts are decimal strings in `currency`.
 */
export async function* jsonReport(content: ReportContent, summary: ReportSummary): AsyncGenerator<string> {
  const { header, rules } = content;
  const money: Money = (minor) => toDecimalString(minor, header.currency);
  const profile = rules.profile;
  const head = {
    id: header.id,
    generatedAt: header.generatedAt,
    profile: { id: profile.id, version: profile.version, name: profile.name, form: profile.form, source: profile.source, taxCurrency: profile.currency },
    period: header.period,
    currency: header.currency,
    fxBasis: summary.fxBasis(),
    estimateMissingTax: header.estimateMissingTax,
    totals: { ...amounts(summary.totals, money), expenseCount: summary.expenseCount, countedExpenses: summary.expenseCount - summary.uncountedCount },
    inputTaxByRate: summary.rateTotals().map((r) => ({ rate: r.rate, base: money(r.base), tax: money(r.tax), reclaimable: money(r.reclaimable), estimated: money(r.estimated) })),
    reviewCounts: Object.fromEntries(summary.review),
  };
  yield `${JSON.stringify(head).slice(0, -1)},"lines":[`;
  // Every line of the profile, in its order, each followed by its expenses (the items come in that order).
  const lines = summary.lineTotals();
  const openLine = (index: number) => {
    const totals = lines[index];
    const definition = profile.lines.find((l) => l.code === totals.code);
    const head = { code: totals.code, label: definition?.label, source: definition?.source, expenseCount: totals.expenseCount, ...amounts(totals, money) };
    return `${index > 0 ? ']},' : ''}${JSON.stringify(head).slice(0, -1)},"expenses":[`;
  };
  let index = -1;
  let first = true;
  for await (const item of content.items()) {
    if (!item.counted) continue;
    while (lines[index]?.code !== item.line) {
      yield openLine(++index);
      first = true;
    }
    yield `${first ? '' : ','}${JSON.stringify(expenseEntry(item, money))}`;
    first = false;
  }
  while (index < lines.length - 1) yield openLine(++index);
  yield ']}],"review":[';
  first = true;
  for await (const item of content.items()) {
    if (item.review.length === 0) continue;
    yield `${first ? '' : ','}${JSON.stringify(reviewEntry(item))}`;
    first = false;
  }
  yield ']}';
}
