import Big from 'big.js';
import { currencyExponent } from './currency';

// Decimal places of divisions (Big's default is 20); exact for every currency exponent and rate we keep.
Big.DP = 30;

/** Amounts as they cross the API: a plain decimal string, no exponent, no grouping. */
export const DECIMAL_AMOUNT = /^-?\d{1,15}(\.\d{1,4})?$/;

/** The largest magnitude accepted: a trillion in major units is no receipt. */
const MAX_MAJOR = new Big('1e12');

export class AmountError extends RangeError {}

/**
 * "12.34" EUR → 1234n. Exact (no floats); refuses more decimals than the currency has and
 * absurd magnitudes.
 */
export function toMinorUnits(decimal: string, currency: string): bigint {
  if (!DECIMAL_AMOUNT.test(decimal)) throw new AmountError(`"${decimal}" is not a decimal amount`);
  const exponent = currencyExponent(currency);
  const value = new Big(decimal);
  if (value.abs().gte(MAX_MAJOR)) throw new AmountError(`${decimal} ${currency} is too large`);
  const minor = value.times(new Big(10).pow(exponent));
  if (!minor.eq(minor.round(0, Big.roundDown))) {
    throw new AmountError(`${currency} has ${exponent} decimal places; "${decimal}" has more`);
  }
  return BigInt(minor.toFixed(0));
}

/**
 * 1234n EUR → "12.34"; always with the currency's number of decimals. Placing the decimal point in
 * the digits is exact and much cheaper than a decimal division; every listed expense goes through it.
 */
export function toDecimalString(minor: bigint, currency: string): string {
  const exponent = currencyExponent(currency);
  if (exponent === 0) return minor.toString();
  const digits = (minor < 0n ? -minor : minor).toString().padStart(exponent + 1, '0');
  return `${minor < 0n ? '-' : ''}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/**
 * Converts minor units of one currency into another at `rate` (units of `to` per unit of `from`),
 * rounding half to even at the target's minor unit.
 */
export function convertMinorUnits(minor: bigint, from: string, to: string, rate: string): bigint {
  const major = new Big(minor.toString()).div(new Big(10).pow(currencyExponent(from)));
  const target = major.times(new Big(rate)).times(new Big(10).pow(currencyExponent(to)));
  return BigInt(target.round(0, Big.roundHalfEven).toFixed(0));
}

/** "1.082500000000000" (a numeric column) → "1.0825". */
export function normalizeDecimal(decimal: string): string {
  return new Big(decimal).toFixed();
}

/** Significant digits kept in derived exchange rates (cross rates through EUR). */
const RATE_SIGNIFICANT_DIGITS = 15;

/**
 * The rate from A to B given both against a common base (ECB rates: units per 1 EUR):
 * B per A = (B per EUR) / (A per EUR).
 */
export function crossRate(baseToFrom: string, baseToTo: string): string {
  return new Big(baseToTo).div(new Big(baseToFrom)).prec(RATE_SIGNIFICANT_DIGITS, Big.roundHalfEven).toFixed();
}
