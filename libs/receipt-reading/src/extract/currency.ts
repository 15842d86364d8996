import { isCurrencyCode } from '@irp/money';
import type { ExtractedText } from '@irp/contracts';
import type { DocumentLine } from './document-lines';

/** Markers that name one currency wherever they are printed. */
const UNAMBIGUOUS_MARKERS: ReadonlyArray<[RegExp, string]> = [
  // "RM 12.00", and "RM" or "(RM)" heading an amount column.
  [/\bRM ?(?=[\dOSZ§-])|\(RM\)|\bRM$|\bRINGGIT\b/, 'MYR'],
  [/€/, 'EUR'],
  [/£/, 'GBP'],
  [/₹|\bRS\.? ?(?=\d)|\bRUPEES?\b/, 'INR'],
  [/\bUS\$/, 'USD'],
  [/\bS\$/, 'SGD'],
  [/\bA\$/, 'AUD'],
  [/\bC\$/, 'CAD'],
  [/\bNZ\$/, 'NZD'],
  [/\bHK\$/, 'HKD'],
  [/\bR\$/, 'BRL'],
  [/₱/, 'PHP'],
  [/฿/, 'THB'],
  [/₩/, 'KRW'],
  [/₫/, 'VND'],
  [/₺/, 'TRY'],
  [/₦/, 'NGN'],
  [/\bRP\.? ?(?=\d)/, 'IDR'],
];

/** Currency of a region, for receipts that print only "$", "¥" or "kr". */
const REGION_CURRENCY: Readonly<Record<string, string>> = {
  US: 'USD', GB: 'GBP', MY: 'MYR', SG: 'SGD', IN: 'INR', AU: 'AUD', CA: 'CAD', NZ: 'NZD', JP: 'JPY', CN: 'CNY',
  HK: 'HKD', TW: 'TWD', KR: 'KRW', CH: 'CHF', SE: 'SEK', NO: 'NOK', DK: 'DKK', PL: 'PLN', CZ: 'CZK', HU: 'HUF',
  RO: 'RON', BG: 'BGN', ID: 'IDR', TH: 'THB', PH: 'PHP', VN: 'VND', ZA: 'ZAR', BR: 'BRL', MX: 'MXN', AE: 'AED',
  SA: 'SAR', TR: 'TRY', IL: 'ILS', NG: 'NGN', EG: 'EGP', AR: 'ARS', CL: 'CLP', CO: 'COP', PE: 'PEN', UA: 'UAH',
  AT: 'EUR', BE: 'EUR', CY: 'EUR', DE: 'EUR', EE: 'EUR', ES: 'EUR', FI: 'EUR', FR: 'EUR', GR: 'EUR', HR: 'EUR',
  IE: 'EUR', IT: 'EUR', LT: 'EUR', LU: 'EUR', LV: 'EUR', MT: 'EUR', NL: 'EUR', PT: 'EUR', SI: 'EUR', SK: 'EUR',
};

/** "$" alone means the region's dollar where the region has one, else USD. */
const DOLLAR_REGIONS = new Set(['US', 'AU', 'CA', 'NZ', 'SG', 'HK', 'TW']);

export function regionOf(locale: string | undefined): string | null {
  if (!locale) return null;
  try {
    return new Intl.Locale(locale).maximize().region ?? null;
  } catch {
    return null;
  }
}

export function findCurrency(lines: readonly DocumentLine[], locale: string | undefined): ExtractedText | null {
  const votes = new Map<string, number>();
  const vote = (code: string, weight: number): void => {
    votes.set(code, (votes.get(code) ?? 0) + weight);
  };
  for (const line of lines) {
    for (const [pattern, code] of UNAMBIGUOUS_MARKERS) if (pattern.test(line.upper)) vote(code, 1);
    for (const code of isoCodesNextToAmounts(line.upper)) vote(code, 1);
  }
  const region = regionOf(locale);
  const regional = region ? REGION_CURRENCY[region] : undefined;
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1])[0];
  if (best) {
    const [code, count] = best;
    const agreesWithLocale = regional === code;
    return { value: code, confidence: Math.min(0.99, 0.7 + 0.08 * count + (agreesWithLocale ? 0.1 : 0)) };
  }
  const hasDollar = lines.some((line) => /\$\s?\d/.test(line.text));
  if (hasDollar) {
    const code = region && DOLLAR_REGIONS.has(region) ? (REGION_CURRENCY[region] ?? 'USD') : 'USD';
    return { value: code, confidence: region ? 0.7 : 0.5 };
  }
  const hasYen = lines.some((line) => /¥\s?\d/.test(line.text));
  if (hasYen) return { value: region === 'CN' ? 'CNY' : 'JPY', confidence: region === 'CN' || region === 'JP' ? 0.8 : 0.5 };
  const hasKrona = lines.some((line) => /\d\s?KR\b|\bKR\.?\s?\d/.test(line.upper));
  if (hasKrona) {
    const code = region === 'NO' || region === 'DK' || region === 'IS' ? (REGION_CURRENCY[region] ?? 'ISK') : 'SEK';
    return { value: code, confidence: 0.6 };
  }
  // Nothing printed: the locale is a reading preference, not evidence of the money (the expense
  // takes the user's base currency instead).
  return null;
}

/** ISO codes printed beside an amount ("USD 12.00", "12,00 EUR"); bare codes are too often words. */
function isoCodesNextToAmounts(upper: string): string[] {
  const codes: string[] = [];
  for (const match of upper.matchAll(/\b([A-Z]{3})\s?(?=-?\d)|(?<=\d)\s?([A-Z]{3})\b/g)) {
    const code = match[1] ?? match[2];
    if (code && isCurrencyCode(code) && !NOT_CURRENCIES.has(code)) codes.push(code);
  }
  return codes;
}

/** ISO codes that are also receipt words or units. */
const NOT_CURRENCIES = new Set(['ALL', 'TOP', 'CUP', 'MOP', 'BOB', 'PEN', 'MAD', 'LAK', 'GEL', 'BAM', 'TRY', 'SOS', 'AMD', 'BAT']);
