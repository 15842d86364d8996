import Big from 'big.js';
import { currencyExponent } from '@irp/money';

/**
 * Minor units of a decimal amount, rounded half to even at the currency's minor unit: a receipt's
 * tax line may carry more decimals than its currency (0.125 EUR), which is no reason to drop it.
 */
export function minorUnitsOf(decimal: string, currency: string): bigint {
  const scaled = new Big(decimal).times(new Big(10).pow(currencyExponent(currency)));
  return BigInt(scaled.round(0, Big.roundHalfEven).toFixed(0));
}
