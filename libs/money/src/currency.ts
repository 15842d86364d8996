import currencyCodes from 'currency-codes';

/**
 * ISO 4217 currencies that are money (not gold, SDRs or test codes), with their exponent: the
 * number of minor-unit digits (EUR 2, JPY 0, BHD 3).
 */
const EXPONENTS: ReadonlyMap<string, number> = new Map(
  currencyCodes
    .data.filter((c) => typeof c.digits === 'number' && !c.countries.some((country) => country.startsWith('Zz')))
    .map((c) => [c.code, c.digits]),
);

export function isCurrencyCode(code: unknown): code is string {
  return typeof code === 'string' && EXPONENTS.has(code);
}

/** Minor-unit digits of a currency; throws for a code that is not an ISO 4217 currency. */
export function currencyExponent(code: string): number {
  const exponent = EXPONENTS.get(code);
  if (exponent === undefined) throw new RangeError(`unknown currency ${code}`);
  return exponent;
}

export function currencyCodesList(): string[] {
  return [...EXPONENTS.keys()].sort();
}
