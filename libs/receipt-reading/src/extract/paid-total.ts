import type { AmountLine } from './amount-lines';
import { formatMilli, rightmostMoney } from './amounts';

/** What the customer paid: tendered − change, as the receipt prints them. */
export interface Paid {
  milli: number;
  lineIndex: number;
}

/**
 * Cash tendered − change, when both are printed and make sense. Of several tendered lines ("Cash
 * 71.00", "Cash Received 101.00", "Change 30.00"), the one whose difference is printed elsewhere.
 */
export function paidTotal(body: readonly AmountLine[]): Paid | null {
  const change = body.find((line) => line.role === 'change' && rightmostMoney(line.amounts));
  const returned = change && rightmostMoney(change.amounts);
  if (!returned) return null;
  const payments = body
    .filter((line) => line.role === 'tendered')
    .map((line) => ({ line, paid: rightmostMoney(line.amounts) }))
    .filter(({ paid }) => paid !== undefined && Math.abs(returned.milli) < Math.abs(paid.milli))
    .map(({ line, paid }) => ({ milli: Math.abs(paid?.milli ?? 0) - Math.abs(returned.milli), lineIndex: line.line.index }));
  const printed = payments.find((payment) => body.some((line) => line.amounts.some((a) => a.milli === payment.milli)));
  return printed ?? payments[0] ?? null;
}

/**
 * "TOTAL 78.10" / "DEBIT CARD 728.10" / "CHANGE 0.00": a payment that is a total with one digit
 * more is the misread one (OCR adds a digit far more often than a total loses one).
 */
export function trustedPayment(paid: Paid | null, candidates: readonly { milli: number; decimal: boolean }[]): Paid | null {
  if (!paid) return null;
  const printed = formatMilli(paid.milli);
  return candidates.some((c) => c.decimal && oneDigitMore(printed, formatMilli(c.milli))) ? null : paid;
}

function oneDigitMore(longer: string, shorter: string): boolean {
  if (longer.length !== shorter.length + 1) return false;
  for (let i = 0; i < longer.length; i++) if (longer.slice(0, i) + longer.slice(i + 1) === shorter) return true;
  return false;
}
