import type { ExtractedTaxLine } from '@irp/contracts';
import { TAX_WORDS, type AmountLine } from './amount-lines';
import { formatMilli, rightmostMoney } from './amounts';
import { hasPhrase } from './fuzzy-keywords';
import { near } from './totals';

export interface TaxLines {
  lines: ExtractedTaxLine[];
  /** Sum of the taxes added on top of the subtotal (not those printed as "included in total"). */
  addedMilli: number;
}

const RATE = /(\d{1,2}(?:[.,]\d{1,3})?)\s?%/;
const QUALIFIERS = ['SALES', 'SERVICE', 'VALUE ADDED', 'GOODS AND SERVICES'];

/**
 * Tax lines (GST, VAT, SST, sales tax...) with their rate when printed. Taxes listed again in a
 * summary table are read from there only when the body has none.
 */
export function findTaxLines(amountLines: readonly AmountLine[], otherAmountsMilli: readonly number[]): TaxLines {
  const taxLines = amountLines.filter((line) => line.role === 'tax');
  const body = taxLines.filter((line) => !line.inSummary);
  const chosen = (body.length > 0 ? body : taxLines).flatMap((line) => toTaxLine(line, otherAmountsMilli));
  const unique = chosen.filter((tax, i) => chosen.findIndex((other) => other.amount === tax.amount && other.rate === tax.rate) === i);
  if (unique.length === 0) {
    const fromSummary = summaryRows(amountLines);
    const summaryMilli = fromSummary.reduce((sum, tax) => sum + Math.round(Number(tax.amount) * 1000), 0);
    return { lines: fromSummary, addedMilli: summaryMilli };
  }
  const added = unique.filter((tax) => !tax.included).reduce((sum, tax) => sum + tax.milli, 0);
  return { lines: unique.map(({ label, rate, amount, confidence }) => ({ label, rate, amount, confidence })), addedMilli: added };
}

interface TaxLineDraft extends ExtractedTaxLine {
  milli: number;
  included: boolean;
}

function toTaxLine(line: AmountLine, otherAmountsMilli: readonly number[]): TaxLineDraft[] {
  const amount = rightmostMoney(line.amounts);
  if (!amount || amount.milli < 0) return [];
  const rate = RATE.exec(line.line.text)?.[1]?.replace(',', '.') ?? null;
  const rateAgrees = rate !== null && otherAmountsMilli.some((base) => near((base * Number(rate)) / 100, amount.milli) && base !== amount.milli);
  return [
    {
      label: taxLabel(line.labelWords),
      rate,
      amount: formatMilli(amount.milli),
      confidence: rateAgrees ? 0.92 : amount.repaired ? 0.55 : 0.75,
      milli: amount.milli,
      included: hasPhrase(line.labelWords, ['INCLUDED', 'INCL', 'INCLUSIVE']),
    },
  ];
}

function taxLabel(words: readonly string[]): string {
  const index = words.findIndex((word) => TAX_WORDS.includes(word));
  if (index < 0) return 'TAX';
  const qualifier = QUALIFIERS.find((q) => words[index - 1] === q.split(' ').pop());
  return qualifier ? `${qualifier} ${words[index]}` : words[index];
}

/** "SR 6% 106.10 6.37" in a tax summary: a rate, a base and the tax on it. */
function summaryRows(amountLines: readonly AmountLine[]): ExtractedTaxLine[] {
  const rows: ExtractedTaxLine[] = [];
  for (const line of amountLines) {
    if (!line.inSummary || line.role === 'total') continue;
    const money = line.amounts.filter((a) => a.hasDecimals);
    const rateText = RATE.exec(line.line.text)?.[1] ?? line.amounts.find((a) => !a.hasDecimals && /^\d{1,2}$/.test(a.value))?.value;
    if (money.length < 2 || !rateText) continue;
    const [base, tax] = money.slice(-2);
    const rate = Number(rateText.replace(',', '.'));
    if (!near((base.milli * rate) / 100, tax.milli)) continue;
    rows.push({ label: taxLabel(line.labelWords), rate: String(rate), amount: formatMilli(tax.milli), confidence: 0.7 });
  }
  return rows;
}
