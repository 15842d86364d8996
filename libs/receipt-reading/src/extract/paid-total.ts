import type { AmountLine } from './amount-lines';
import { rightmostMoney } from './amounts';

/** What the customer paid: tendered − change, as the receipt prints them. */
export interface Paid {
  milli: number;
  lineIndex: number;
}

/**
 * Cash tendered − change, when both are printed and make sense. The change is worked out from the
 * tendered amount printed last before it: "CASH 71.00", "CASH RECEIVED 101.00", "CHANGE 30.00".
 */
export function paidTotal(body: readonly AmountLine[]): Paid | null {
  const change = body.find((line) => line.role === 'change' && rightmostMoney(line.amounts));
  const tenderedLines = body.filter((line) => line.role === 'tendered' && rightmostMoney(line.amounts));
  const tendered = tenderedLines.filter((line) => change && line.line.index < change.line.index).at(-1) ?? tenderedLines[0];
  const paid = tendered && rightmostMoney(tendered.amounts);
  const returned = change && rightmostMoney(change.amounts);
  if (!tendered || !paid || !returned || Math.abs(returned.milli) >= Math.abs(paid.milli)) return null;
  return { milli: Math.abs(paid.milli) - Math.abs(returned.milli), lineIndex: tendered.line.index };
}
