import { currencyExponent, isCurrencyCode } from '@irp/money';

/** "1939.00" JPY → "1939"; "12.5" → "12.50"; keeps digits the currency would lose (a misread is visible). */
export function formatForCurrency(value: string, currency: string | null): string {
  const exponent = currency && isCurrencyCode(currency) ? currencyExponent(currency) : 2;
  const match = /^(-?\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return value;
  const [, integer, decimals = ''] = match;
  const significant = decimals.replace(/0+$/, '');
  const width = Math.max(exponent, significant.length);
  return width === 0 ? integer : `${integer}.${significant.padEnd(width, '0')}`;
}
