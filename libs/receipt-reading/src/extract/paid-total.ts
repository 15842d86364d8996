import type { AmountLine } from './amount-lines';
import { rightmostMoney } from './amounts';

/** What the customer paid: tendered − change, as the receipt prints them. */
export interface Paid {
  milli: number;
  lineIndex: number;
}

/** Cash tendered − change, when both are printed and make sense. */
export function paidTotal(body: readonly AmountLine[]): Paid | null {
  const tendered = body.find((line) => line.role === 'tendered' && rightmostMoney(line.amounts));
  const change = body.find((line) => line.role === 'change' && rightmostMoney(line.amounts));
  const paid = tendered && rightmostMoney(tendered.amounts);
  const returned = change && rightmostMoney(change.amounts);
  if (!tendered || !paid || !returned || Math.abs(returned.milli) >= Math.abs(paid.milli)) return null;
  return { milli: Math.abs(paid.milli) - Math.abs(returned.milli), lineIndex: tendered.line.index };
}
