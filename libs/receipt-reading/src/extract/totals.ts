import type { ExtractedAmount } from '@irp/contracts';
import type { AmountLine } from './amount-lines';
import { formatMilli, isMoney, rightmostMoney, type AmountToken } from './amounts';
import { paidTotal } from './paid-total';

export interface Totals {
  total: ExtractedAmount | null;
  subtotal: ExtractedAmount | null;
  tip: ExtractedAmount | null;
}

export interface TotalsContext {
  /** Tax amounts that may have been added to the subtotal. */
  addedTaxMilli: number;
  /** Sum of the line items' amounts, when there are any. */
  lineItemsMilli: number | null;
  /** The largest line item amount: no total is below it (without a discount). */
  largestItemMilli: number | null;
}

interface Candidate {
  milli: number;
  /** Index of the (last) line it was printed on. */
  lineIndex: number;
  score: number;
  /** Independent arithmetic confirmations. */
  evidence: number;
  repaired: boolean;
  /** Printed with decimals (an integer on a total line may be a count). */
  decimal: boolean;
  /** How sure the label alone makes us. */
  base: number;
}

interface Expected {
  milli: number;
  /** A subtotal alone is weak evidence; subtotal + tax (+ service...) is strong. */
  weight: number;
}

/** Within one cent: OCR rounding and three-decimal prices. */
const TOLERANCE = 10;
/** A rounding adjustment is below 10 cents; a larger amount on a "ROUNDING" line is the rounded total. */
const MAX_ROUNDING = 100;
/** Another engine's reading of a total counts for a little less than the first reading's. */
const ALTERNATIVE_PENALTY = 0.5;

/**
 * Chooses the total among the amounts on "total" lines (and, failing those, every amount) by what
 * the document's arithmetic confirms: subtotal + tax + service + tip ± rounding − discount, cash
 * tendered − change, a rounded total following the unrounded one, partial totals adding up, and
 * the line items' sum. Cash tendered and change are never the total unless arithmetic says so.
 */
export function findTotals(lines: readonly AmountLine[], context: TotalsContext): Totals {
  const body = lines.filter((line) => !line.inSummary);
  const subtotalMilli = firstMoney(body, 'subtotal');
  const tipMilli = firstMoney(body, 'tip');
  const expected = expectedTotals(body, subtotalMilli, tipMilli, context.addedTaxMilli);
  const candidates = totalCandidates(lines);
  const paid = paidTotal(body);
  addPrintedRoundedTotals(body, candidates);
  // Paid 15.40 against "TOTAL 15.39": the payment is the rounded total when the receipt prints it
  // somewhere (a misread "GRAND TOTAL 15.40"), else it confirms the total within a cent.
  const printed = paid !== null && body.some((line) => line.role !== 'tendered' && line.role !== 'change' && line.amounts.some((a) => a.milli === paid.milli));
  if (paid && !candidates.some((c) => c.milli === paid.milli) && (printed || !candidates.some((c) => near(c.milli, paid.milli)))) {
    candidates.push({ milli: paid.milli, lineIndex: paid.lineIndex, score: 2, evidence: 0, repaired: false, decimal: printed, base: 0.5 });
  }
  // The arithmetic confirms the candidate it equals; within a cent (three-decimal prices, OCR) only when none equals it.
  const exactlyConfirmed = candidates.some((c) => expected.some((e) => e.weight > 1 && e.milli === c.milli));
  for (const candidate of candidates) {
    // A total below the subtotal or below one of its items is a tax, a partial amount or a misread.
    const floor = Math.max(subtotalMilli ?? 0, context.largestItemMilli ?? 0, largestAmountBefore(body, candidate.lineIndex));
    if (candidate.milli < floor - MAX_ROUNDING && !hasDiscount(body)) candidate.score -= 3;
    const confirmed = expected.filter((e) => (exactlyConfirmed ? e.milli === candidate.milli : near(e.milli, candidate.milli))).sort((a, b) => b.weight - a.weight)[0];
    if (confirmed) addEvidence(candidate, confirmed.weight);
    if (paid && matches(paid.milli, candidate, candidates)) addEvidence(candidate, 3);
    if (context.lineItemsMilli !== null && near(context.lineItemsMilli, candidate.milli)) addEvidence(candidate, 2);
    if (roundsAnEarlierTotal(candidate, candidates)) addEvidence(candidate, 3.5);
    if (sumsEarlierTotals(candidate, candidates)) addEvidence(candidate, 3);
  }
  const best = [...candidates].sort((a, b) => b.score - a.score || b.lineIndex - a.lineIndex)[0];
  const total = best ? { value: formatMilli(best.milli), confidence: totalConfidence(best, candidates) } : null;
  return { total, subtotal: subtotalField(subtotalMilli, best, expected, context), tip: tipMilli === null ? null : { value: formatMilli(tipMilli), confidence: 0.75 } };
}

/** Equal to the value, or within a cent of it when no candidate equals it. */
function matches(value: number, candidate: Candidate, all: readonly Candidate[]): boolean {
  if (candidate.milli === value) return true;
  return near(value, candidate.milli) && !all.some((other) => other.milli === value);
}

function subtotalField(subtotal: number | null, best: Candidate | undefined, expected: readonly Expected[], context: TotalsContext): ExtractedAmount | null {
  if (subtotal === null) return null;
  const addsUp = best !== undefined && expected.some((e) => e.weight > 1 && near(e.milli, best.milli));
  const matchesItems = context.lineItemsMilli !== null && near(context.lineItemsMilli, subtotal);
  return { value: formatMilli(subtotal), confidence: addsUp ? 0.9 : matchesItems ? 0.85 : 0.65 };
}

function addEvidence(candidate: Candidate, weight: number): void {
  candidate.score += weight;
  if (weight > 1) candidate.evidence += 1;
}

function totalConfidence(best: Candidate, all: readonly Candidate[]): number {
  const rival = all.filter((c) => !near(c.milli, best.milli)).sort((a, b) => b.score - a.score)[0];
  let confidence = best.evidence > 0 ? 0.85 + 0.05 * (best.evidence - 1) : best.base;
  if (best.repaired) confidence -= 0.15;
  if (rival && best.score - rival.score < 1) confidence -= 0.15;
  return Math.max(0.05, Math.min(0.98, Number(confidence.toFixed(2))));
}

/** "TOTAL 102.39" then "TOTAL 102.40": the later total is the first one rounded. */
function roundsAnEarlierTotal(candidate: Candidate, all: readonly Candidate[]): boolean {
  if (!candidate.decimal) return false;
  return all.some(
    (other) => other.decimal && other.lineIndex < candidate.lineIndex && other.milli !== candidate.milli && Math.abs(other.milli - candidate.milli) < MAX_ROUNDING,
  );
}

/** "TOTAL 0% SUPPLIES 27.45", "TOTAL 6% SUPPLIES 23.15", "TOTAL PAYABLE 50.60". */
function sumsEarlierTotals(candidate: Candidate, all: readonly Candidate[]): boolean {
  const earlier = all.filter((other) => other.lineIndex < candidate.lineIndex && other.milli < candidate.milli);
  if (earlier.length < 2) return false;
  const sum = earlier.reduce((total, other) => total + other.milli, 0);
  return near(sum, candidate.milli);
}

/** Amounts of "total" lines, and rounded totals printed on "ROUNDING" lines; repeats count once more. */
function totalCandidates(lines: readonly AmountLine[]): Candidate[] {
  const byValue = new Map<number, Candidate>();
  for (const line of lines) {
    const strength = line.role === 'total' ? line.strength : line.role === 'rounding' ? 2 : 0;
    if (strength === 0) continue;
    const amount = rightmostMoney(line.amounts) ?? (line.role === 'total' ? rightmostInteger(line.amounts) : undefined);
    if (!amount || amount.milli <= 0 || (line.role === 'rounding' && amount.milli < MAX_ROUNDING)) continue;
    const score = strength * 2 - (line.inSummary ? 3.5 : 0) - (amount.repaired ? 0.5 : 0) - (amount.hasDecimals ? 0 : 2);
    const existing = byValue.get(amount.milli);
    if (existing) {
      existing.score = Math.max(existing.score, score) + 0.75;
      if (!line.inSummary) existing.lineIndex = line.line.index;
      continue;
    }
    const base = line.inSummary ? 0.3 : [0, 0.45, 0.6, 0.7, 0.75][strength];
    byValue.set(amount.milli, { milli: amount.milli, lineIndex: line.line.index, score, evidence: 0, repaired: amount.repaired, decimal: amount.hasDecimals, base });
  }
  if (byValue.size === 0) return fallbackCandidates(lines);
  addAlternativeReadings(lines, byValue);
  return [...byValue.values()];
}

/**
 * Another engine's reading of a total line competes with the first one's, a little behind it:
 * the document's arithmetic, when it confirms one of them, decides.
 */
function addAlternativeReadings(lines: readonly AmountLine[], byValue: Map<number, Candidate>): void {
  for (const line of lines) {
    if (line.role !== 'total' || line.inSummary) continue;
    for (const amounts of line.alternatives) {
      const amount = rightmostMoney(amounts);
      if (!amount || amount.milli <= 0 || byValue.has(amount.milli)) continue;
      const score = line.strength * 2 - ALTERNATIVE_PENALTY - (amount.repaired ? 0.5 : 0) - (amount.hasDecimals ? 0 : 2);
      const base = [0, 0.45, 0.6, 0.7, 0.75][line.strength] - 0.1;
      byValue.set(amount.milli, { milli: amount.milli, lineIndex: line.line.index, score, evidence: 0, repaired: amount.repaired, decimal: amount.hasDecimals, base });
    }
  }
}

/** No total line: subtotals and any amount that is not a payment, change, quantity or adjustment. */
function fallbackCandidates(lines: readonly AmountLine[]): Candidate[] {
  const usable = lines.filter((line) => (line.role === 'other' || line.role === 'subtotal') && !line.inSummary);
  const amounts = usable.flatMap((line) => line.amounts.filter((a) => isMoney(a) && a.milli > 0).map((amount) => ({ amount, line })));
  const largest = Math.max(0, ...amounts.map(({ amount }) => amount.milli));
  const byValue = new Map<number, Candidate>();
  for (const { amount, line } of amounts) {
    const existing = byValue.get(amount.milli);
    if (existing) {
      existing.score += 0.3;
      existing.lineIndex = line.line.index;
    } else {
      const score = (amount.milli === largest ? 0.5 : 0) + (line.role === 'subtotal' ? 0.5 : 0);
      byValue.set(amount.milli, { milli: amount.milli, lineIndex: line.line.index, score, evidence: 0, repaired: amount.repaired, decimal: amount.hasDecimals, base: 0.3 });
    }
  }
  return [...byValue.values()];
}

/** Values the total should have, by the document's own arithmetic. */
function expectedTotals(body: readonly AmountLine[], subtotal: number | null, tip: number | null, tax: number): Expected[] {
  if (subtotal === null) return [];
  const service = sumMoney(body, 'service');
  const discount = Math.abs(sumMoney(body, 'discount'));
  const rounding = body
    .filter((line) => line.role === 'rounding')
    .map((line) => rightmostMoney(line.amounts)?.milli ?? 0)
    .find((value) => Math.abs(value) < MAX_ROUNDING) ?? 0;
  const expected: Expected[] = [];
  for (const withTax of [tax, 0]) {
    for (const withDiscount of [discount, 0]) {
      const sum = subtotal + withTax + service + (tip ?? 0) - withDiscount;
      const weight = sum === subtotal ? 1 : 3;
      for (const value of [sum, sum + rounding, sum - rounding]) if (value > 0) expected.push({ milli: value, weight: value === subtotal ? 1 : weight });
    }
  }
  return expected;
}

/**
 * "TOTAL 60.31" / "ROUNDING ADJ -0.01" / "RM 60.30": the total plus the adjustment after it, printed
 * below without a label OCR could read, is the rounded total.
 */
function addPrintedRoundedTotals(body: readonly AmountLine[], candidates: Candidate[]): void {
  for (const candidate of [...candidates]) {
    const at = body.findIndex((line) => line.line.index === candidate.lineIndex);
    const rounding = body.slice(at + 1, at + 3).find((line) => line.role === 'rounding');
    const adjustment = rounding ? rightmostMoney(rounding.amounts)?.milli : undefined;
    if (at < 0 || !rounding || !adjustment || Math.abs(adjustment) >= MAX_ROUNDING) continue;
    const rounded = candidate.milli + adjustment;
    const printed = body.slice(body.indexOf(rounding) + 1, body.indexOf(rounding) + 3).some((line) => line.amounts.some((a) => a.milli === rounded));
    if (!printed || candidates.some((c) => c.milli === rounded)) continue;
    candidates.push({ ...candidate, milli: rounded, lineIndex: rounding.line.index, score: candidate.score, evidence: 0 });
  }
}


/** The largest amount printed on the plain (item) lines above a line. */
function largestAmountBefore(lines: readonly AmountLine[], lineIndex: number): number {
  let largest = 0;
  for (const line of lines) {
    if (line.line.index >= lineIndex) break;
    if (line.role !== 'other') continue;
    for (const amount of line.amounts) if (amount.hasDecimals && amount.milli > largest) largest = amount.milli;
  }
  return largest;
}

function hasDiscount(lines: readonly AmountLine[]): boolean {
  return lines.some((line) => line.role === 'discount' && line.amounts.some((a) => a.milli !== 0));
}

function firstMoney(lines: readonly AmountLine[], role: AmountLine['role']): number | null {
  for (const line of lines) {
    if (line.role !== role) continue;
    const amount = rightmostMoney(line.amounts);
    if (amount) return amount.milli;
  }
  return null;
}

function sumMoney(lines: readonly AmountLine[], role: AmountLine['role']): number {
  return lines.filter((line) => line.role === role).reduce((sum, line) => sum + (rightmostMoney(line.amounts)?.milli ?? 0), 0);
}

function rightmostInteger(amounts: readonly AmountToken[]): AmountToken | undefined {
  const last = amounts[amounts.length - 1];
  return last && /^\d{1,7}$/.test(last.value) ? last : undefined;
}

export function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= TOLERANCE;
}
