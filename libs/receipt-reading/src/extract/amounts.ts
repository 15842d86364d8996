/**
 * Money amounts as printed on receipts and as OCR reads them: `12.34`, `1,234.56`, `€ 4.904,94`,
 * `Rs 1939`, `-0.02`, `0.01-`, `17.00SR`, and the misreads `§5.10` (55.10) or `RMZ8 03` (28.03).
 */

export interface AmountToken {
  /** Plain decimal string: no grouping, "." as decimal separator, "-" when negative. */
  value: string;
  /** The amount in thousandths, for exact arithmetic between amounts. */
  milli: number;
  /** Index of the first word of the amount in the line's words. */
  wordIndex: number;
  /** Character offset of the amount in the line text. */
  offset: number;
  /** Currency marker printed with the amount ("RM", "$", "EUR"), as printed. */
  currencyMarker: string | null;
  hasDecimals: boolean;
  /** True when look-alike letters were read as digits or a space as the decimal separator. */
  repaired: boolean;
}

export interface AmountOptions {
  /** The locale writes "1.234,56" (decimal comma). */
  decimalComma?: boolean;
}

const CURRENCY_PREFIX =
  /^(US\$|S\$|A\$|C\$|NZ\$|HK\$|R\$|RM|MYR|USD|EUR|GBP|SGD|AUD|CAD|CHF|JPY|CNY|INR|IDR|THB|PHP|RS\.?|RP\.?|\$|€|£|¥|₹|₱|฿|₩|₫|₺|₦)/i;
const CURRENCY_SUFFIX = /(€|£|\$|EUR|USD|GBP|CHF|RM|MYR|SGD|INR|KR|ZŁ|KČ|FT)$/i;
const LOOKALIKE_DIGITS: Record<string, string> = {
  O: '0', o: '0', D: '0', Q: '0', I: '1', l: '1', '|': '1', i: '1', S: '5', s: '5', '§': '5', Z: '2', z: '2', B: '8', G: '6', b: '6', g: '9',
};
const CORE = /^[0-9ODQoIli|SsZzBGbg§]+(?:[.,'][0-9ODQoIli|SsZzBGbg§]+)*$/;
const TRAILING_TAX_CODE = /^(.*\d[.,]\d\d)[A-Za-z*]{1,3}$/;
const MAX_INTEGER_DIGITS = 12;

/** Finds the amounts of one line, left to right. */
export function findAmounts(line: string, options: AmountOptions = {}): AmountToken[] {
  const words = splitWords(joinSplitDecimals(line));
  const found: AmountToken[] = [];
  let pendingCurrency: string | null = null;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const standalone = standaloneCurrency(word.text);
    if (standalone) {
      pendingCurrency = standalone;
      continue;
    }
    const parsed = parseAmountWord(word.text, options);
    if (!parsed) {
      pendingCurrency = null;
      continue;
    }
    const currencyMarker = parsed.currencyMarker ?? pendingCurrency ?? suffixCurrency(words[i + 1]?.text);
    let token: AmountToken = { ...parsed, currencyMarker, wordIndex: i, offset: word.offset };
    // "RM 28 03": a currency marker, an integer and two digits is an amount whose point OCR lost.
    const next = words[i + 1]?.text;
    if (currencyMarker && !token.hasDecimals && next && /^\d{2}$/.test(next) && token.value.length <= 6) {
      token = withDecimals(token, next);
      i++;
    }
    found.push(token);
    pendingCurrency = null;
  }
  return found;
}

interface Word {
  text: string;
  offset: number;
}

function splitWords(line: string): Word[] {
  const words: Word[] = [];
  for (const match of line.matchAll(/\S+/g)) words.push({ text: match[0], offset: match.index });
  return words;
}

/** "112. 45", "112 .45" → "112.45" (OCR puts spaces around points). */
function joinSplitDecimals(line: string): string {
  return line.replace(/(\d) ?([.,]) (\d{2})(?!\d)/g, '$1$2$3').replace(/(\d) ([.,])(\d{2})(?!\d)/g, '$1$2$3');
}

function standaloneCurrency(word: string): string | null {
  const stripped = word.replace(/[:=]+$/, '');
  const match = CURRENCY_PREFIX.exec(stripped);
  return match && match[0].length === stripped.length ? match[0] : null;
}

function suffixCurrency(word: string | undefined): string | null {
  if (!word) return null;
  const match = CURRENCY_SUFFIX.exec(word);
  return match && match[0].length === word.length ? match[0] : null;
}

type ParsedWord = Omit<AmountToken, 'wordIndex' | 'offset'>;

/** Parses one word as an amount, or null. */
export function parseAmountWord(word: string, options: AmountOptions = {}): ParsedWord | null {
  let text = word.replace(/^[(:=*#@~'"«]+/, '').replace(/[):;*'"»]+$/, '');
  let negative = false;
  if (text.startsWith('-')) {
    negative = true;
    text = text.slice(1);
  }
  let currencyMarker: string | null = null;
  const prefix = CURRENCY_PREFIX.exec(text);
  if (prefix && prefix[0].length < text.length) {
    currencyMarker = prefix[0];
    text = text.slice(prefix[0].length);
    if (text.startsWith('-')) {
      negative = true;
      text = text.slice(1);
    }
  }
  if (text.endsWith('-')) {
    negative = true;
    text = text.slice(0, -1);
  }
  const suffix = CURRENCY_SUFFIX.exec(text);
  if (suffix && suffix.index > 0 && /\d$/.test(text.slice(0, suffix.index))) {
    currencyMarker ??= suffix[0];
    text = text.slice(0, suffix.index);
  }
  text = text.replace(TRAILING_TAX_CODE, '$1').replace(/[.,]$/, '');
  if (/^[.,]\d{2}$/.test(text)) text = `0${text}`;
  if (!CORE.test(text)) return null;
  const digits = (text.match(/\d/g) ?? []).length;
  const lookalikes = (text.match(/[^\d.,']/g) ?? []).length;
  if (digits === 0 || (lookalikes > 1 && lookalikes * 3 > digits)) return null;
  // A leading look-alike before a plain word is too weak ("S1" as a size, "B2" as a code).
  if (lookalikes > 0 && !/[.,]/.test(text) && !currencyMarker) return null;
  const mapped = [...text].map((c) => LOOKALIKE_DIGITS[c] ?? c).join('');
  const split = splitDecimal(mapped, options);
  if (!split) return null;
  const { integer, decimals } = split;
  const normalisedInteger = integer.replace(/^0+(?=\d)/, '');
  const value = `${negative ? '-' : ''}${normalisedInteger}${decimals ? `.${decimals}` : ''}`;
  const milli = (Number(normalisedInteger) * 1000 + Number(decimals.padEnd(3, '0'))) * (negative ? -1 : 1);
  return { value, milli, currencyMarker, hasDecimals: decimals.length > 0, repaired: lookalikes > 0 };
}

/** Splits "1.234,56" into integer and decimal digits, deciding which separator is decimal. */
function splitDecimal(text: string, options: AmountOptions): { integer: string; decimals: string } | null {
  const groups = text.split(/[.,']/);
  const separators = text.match(/[.,']/g) ?? [];
  if (separators.length === 0) {
    return text.length <= MAX_INTEGER_DIGITS ? { integer: text, decimals: '' } : null;
  }
  const last = separators[separators.length - 1];
  const tail = groups[groups.length - 1];
  const head = groups.slice(0, -1);
  const kinds = new Set(separators);
  let lastIsDecimal: boolean;
  if (last === "'") lastIsDecimal = false;
  else if (kinds.size > 1) lastIsDecimal = true;
  else if (separators.length > 1) lastIsDecimal = tail.length !== 3;
  else if (tail.length === 3) lastIsDecimal = options.decimalComma ? last === ',' : last === '.';
  else lastIsDecimal = true;

  if (lastIsDecimal) {
    if (tail.length > 3 || !groupingIsValid(head)) return null;
    return join(head.join(''), tail);
  }
  if (!groupingIsValid(groups)) return null;
  return join(groups.join(''), '');
}

function join(integer: string, decimals: string): { integer: string; decimals: string } | null {
  if (integer.length === 0 || integer.length > MAX_INTEGER_DIGITS) return null;
  return { integer, decimals };
}

function groupingIsValid(groups: readonly string[]): boolean {
  if (groups.length <= 1) return true;
  return groups[0].length >= 1 && groups[0].length <= 3 && groups.slice(1).every((g) => g.length === 3);
}

function withDecimals(token: AmountToken, decimals: string): AmountToken {
  const negative = token.value.startsWith('-');
  const integer = negative ? token.value.slice(1) : token.value;
  const milli = (Number(integer) * 1000 + Number(decimals) * 10) * (negative ? -1 : 1);
  return { ...token, value: `${token.value}.${decimals}`, milli, hasDecimals: true, repaired: true };
}

/** Formats thousandths as a decimal string with at least two decimals ("9" → "9.00"). */
export function formatMilli(milli: number): string {
  const negative = milli < 0;
  const abs = Math.abs(Math.round(milli));
  const integer = Math.floor(abs / 1000);
  const fraction = String(abs % 1000).padStart(3, '0');
  const decimals = fraction.endsWith('0') ? fraction.slice(0, 2) : fraction;
  return `${negative ? '-' : ''}${integer}.${decimals}`;
}

/** Printed as money: with decimals or a currency marker (not a count or a code). */
export function isMoney(amount: AmountToken): boolean {
  return amount.hasDecimals || amount.currencyMarker !== null;
}

export function rightmostMoney(amounts: readonly AmountToken[]): AmountToken | undefined {
  return [...amounts].reverse().find(isMoney);
}
