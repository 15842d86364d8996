/** Percentages carry up to 3 decimals: they are exact as integer thousandths of a percent. */
const PERCENT_SCALE = 100_000n;

/** "19" → 19000n, "7.5" → 7500n, "33.333" → 33333n (thousandths of a percent), exactly. */
function thousandths(percent: string): bigint {
  const [whole, fraction = ''] = percent.split('.');
  if (fraction.length > 3 || !/^\d+$/.test(whole) || !/^\d*$/.test(fraction)) throw new RangeError(`"${percent}" is not a percentage with up to 3 decimals`);
  return BigInt(whole) * 1000n + BigInt(fraction.padEnd(3, '0'));
}

/** numerator / denominator (both positive) rounded half to even. */
function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const twice = (numerator % denominator) * 2n;
  if (twice > denominator || (twice === denominator && quotient % 2n === 1n)) return quotient + 1n;
  return quotient;
}

/** `amount × percent / 100`, rounded half to even at the minor unit (integer arithmetic: one call per expense). */
export function percentOf(amount: bigint, percent: string): bigint {
  const sign = amount < 0n ? -1n : 1n;
  return sign * divideHalfEven(sign * amount * thousandths(percent), PERCENT_SCALE);
}

/** The tax inside a gross amount at `rate` percent: gross × rate / (100 + rate), half to even. */
export function taxInGross(gross: bigint, rate: string): bigint {
  const r = thousandths(rate);
  const sign = gross < 0n ? -1n : 1n;
  return sign * divideHalfEven(sign * gross * r, PERCENT_SCALE + r);
}

/** The amount a tax was charged on: tax × 100 / rate, half to even (0 at a zero rate). */
export function baseOfTax(tax: bigint, rate: string): bigint {
  const r = thousandths(rate);
  if (r === 0n) return 0n;
  const sign = tax < 0n ? -1n : 1n;
  return sign * divideHalfEven(sign * tax * PERCENT_SCALE, r);
}

/** A rate as reports group it: "19.00" and "19" are one rate. */
export function normalizedRate(rate: string): string {
  const [whole, fraction = ''] = rate.split('.');
  const digits = fraction.replace(/0+$/, '');
  return `${BigInt(whole)}${digits ? `.${digits}` : ''}`;
}
