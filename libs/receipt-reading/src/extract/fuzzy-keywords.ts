/**
 * Keyword matching that survives OCR: a keyword matches a word of the line when it is within a
 * small edit distance ("TOTAL" matches "Tatal", "TOFAL", "TOTA]"), after mapping digits that OCR
 * reads for letters.
 */

const LOOKALIKE_LETTERS: Record<string, string> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B', '|': 'I', '$': 'S', '€': 'E' };

/** The words of an upper-cased line, with look-alike digits read as letters. */
export function keywordWords(upper: string): string[] {
  return upper
    .split(/[^\p{L}0-9|$€\][&/]+/u)
    .flatMap((word) => word.split('/'))
    .filter(Boolean)
    .map((word) => [...word].map((c) => LOOKALIKE_LETTERS[c] ?? c).join('').replace(/[[\]]/g, 'L'))
    // "3ST", "6ST", "CST": the G of GST is often misread.
    .map((word) => (/^[G6C3]ST$/.test(word) ? 'GST' : word))
    .flatMap(unglued);
}

/** "TOTALTAX": two receipt words OCR ran together (Paddle drops spaces) are the two words. */
function unglued(word: string): string[] {
  if (VOCABULARY.has(word)) return [word];
  for (let cut = 3; cut <= word.length - 3; cut++) {
    const [head, tail] = [word.slice(0, cut), word.slice(cut)];
    if (VOCABULARY.has(head) && VOCABULARY.has(tail)) return [head, tail];
  }
  return [word];
}

function allowedDistance(keyword: string): number {
  if (keyword.length >= 8) return 2;
  if (keyword.length >= 4) return 1;
  return 0;
}

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`. */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/**
 * Real receipt words: one of these only ever matches itself, so that "CHARGE" is not read as
 * "CHANGE" nor "EXCLUSIVE" as "INCLUSIVE".
 */
const VOCABULARY = new Set([
  'ACCOUNT', 'AMOUNT', 'BALANCE', 'CARD', 'CASH', 'CHANGE', 'CHARGE', 'CHARGES', 'CHECK', 'CHEQUE', 'COUNT', 'CREDIT', 'DATE',
  'DEBIT', 'DEPOSIT', 'DESC', 'DISC', 'DISCOUNT', 'DUE', 'EXCLUDED', 'EXCLUDING', 'EXCLUSIVE', 'INCLUDED', 'INCLUDING',
  'INCLUSIVE', 'INVOICE', 'ITEM', 'ITEMS', 'MEMBER', 'NET', 'NETT', 'PAID', 'PAYABLE', 'PAYMENT', 'POINTS', 'PRICE', 'QTY',
  'RATE', 'RECEIPT', 'ROUND', 'ROUNDED', 'ROUNDING', 'SALE', 'SALES', 'SAVING', 'SAVINGS', 'SERVICE', 'SERVICES', 'SUBTOTAL',
  'TABLE', 'TAX', 'TAXES', 'TENDER', 'TENDERED', 'TIME', 'TIP', 'TIPS', 'TOTAL', 'TOTALS', 'UNIT', 'UNITS', 'VOUCHER',
]);

export function wordMatches(word: string, keyword: string): boolean {
  if (word === keyword) return true;
  if (VOCABULARY.has(word)) return false;
  return boundedEditDistance(word, keyword, allowedDistance(keyword)) <= allowedDistance(keyword);
}

/**
 * Whether the words contain the phrase (its words consecutive, each fuzzily), also when OCR glued
 * the phrase into one word ("SUBTOTAL"). Returns the index of the first matching word, or -1.
 */
export function findPhrase(words: readonly string[], phrase: string): number {
  const parts = phrase.split(' ');
  for (let i = 0; i + parts.length <= words.length; i++) {
    if (parts.every((part, k) => wordMatches(words[i + k], part))) return i;
  }
  if (parts.length > 1) {
    const glued = parts.join('');
    const index = words.findIndex((word) => wordMatches(word, glued));
    if (index >= 0) return index;
  }
  return -1;
}

export function hasPhrase(words: readonly string[], phrases: readonly string[]): boolean {
  return phrases.some((phrase) => findPhrase(words, phrase) >= 0);
}
