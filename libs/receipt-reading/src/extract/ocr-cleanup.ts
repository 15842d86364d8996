import { PLACE_WORDS, STATE_WORDS, townOfPostcode } from './malaysian-places';

/** Repairs of OCR misreads in names and addresses that need no knowledge of the vendor. */

const LOOKALIKE_LETTERS: Record<string, string> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B', '§': 'S', $: 'S' };

/** "SON BHD", "SDN 8HD", "SEN 3HD", "5/B" → "SDN BHD", "S/B" (Malaysian legal forms). */
export function repairLegalForms(text: string): string {
  return text
    .replace(/(?<![\p{L}\d])[S5][A-Z0-9]{1,2}(\.?\s*)[B83][HN][DO0](?![A-Z0-9])/giu, (match, gap: string) => (match === match.toLowerCase() ? `sdn${gap}bhd` : `SDN${gap}BHD`))
    .replace(/(?<![\p{L}\d])[S5§$]\/[B8](?![\p{L}\d])/gu, 'S/B');
}

/** A digit between letters of a word ("T.A.5", "D.1.Y", "CONFECTI0NERY") is a letter OCR misread. */
export function repairDigitsInWords(text: string): string {
  return text
    .split(' ')
    .map((word) => {
      const digits = word.match(/\d/g) ?? [];
      const letters = word.match(/\p{L}/gu) ?? [];
      if (digits.length !== 1 || letters.length < 2) return word;
      return word.replace(/(?<=[\p{L}.])[01358§$](?=[\p{L}.]|$)/u, (digit) => LOOKALIKE_LETTERS[digit] ?? digit);
    })
    .join(' ');
}

/**
 * No address prints a currency or section sign before a word: "Jalan $S21/39", "Lot §319" hold an
 * S. "Jln" (Jalan), too short for the vocabulary, is often read "Jin" or "J1n", and the dot of
 * "No. 89" a comma.
 */
export function repairSymbolsInAddress(text: string): string {
  return text
    .replace(/(?<![\p{L}\d])[$§](?=[\p{L}\d])/gu, 'S')
    .replace(/\b(J)[I1|](N)(?=\.?\s)/gi, (_, j: string, n: string) => `${j}${n === 'N' ? 'L' : 'l'}${n}`)
    .replace(/\b(No),(?=\s?\d)/gi, '$1.');
}

/** Drops stray marks OCR finds in margins and between words ("|", ":", "’", "~"). */
export function dropStrayMarks(text: string): string {
  return text
    .split(' ')
    .filter((word) => !/^[|:;~’‘'`"_=—–.,°•«»¢©®*^]+$/.test(word))
    .join(' ')
    .replace(/^[^\p{L}\d(]+/u, '')
    .trim();
}

/**
 * Words of addresses: Malay street, area and building words (jalan, lorong, persiaran, taman, seksyen,
 * kawasan perindustrian, wisma, menara... as Malaysian addresses print them), English ones, and the
 * names of Malaysia's states (malaysian-places.ts). An OCR'd word one letter away from one of them
 * is read as it: "JALAII" stays, but "Julan" and "MALAYSTA" are repaired. Town names are many and
 * short: they are repaired only where the postcode says which town it is (repairTownAfterPostcode).
 */
const STREET_WORDS = [
  'JALAN', 'TAMAN', 'BANDAR', 'LORONG', 'PERSIARAN', 'KAMPUNG', 'SEKSYEN', 'KAWASAN', 'PERINDUSTRIAN', 'INDUSTRIAL',
  'LEBUHRAYA', 'LEBUH', 'LAMAN', 'LENGKOK', 'MEDAN', 'DESA', 'WISMA', 'MENARA', 'KOMPLEKS', 'TINGKAT', 'PANGSAPURI',
  'BUKIT', 'SUNGAI', 'SUNGEI', 'PUSAT', 'MUKIM', 'UTAMA', 'DARUL', 'EHSAN', 'TAKZIM', 'WILAYAH', 'PERSEKUTUAN',
  'UTARA', 'SELATAN', 'TIMUR', 'BARAT', 'TENGAH', 'MALAYSIA', 'SINGAPORE', 'PENANG', 'STREET', 'ROAD', 'AVENUE',
  'FLOOR', 'LEVEL', 'BLOCK', 'PLAZA', 'CENTRE', 'CENTER', 'SHOPPING', 'BUILDING', 'TOWER', 'SQUARE',
];
const ADDRESS_VOCABULARY = [...new Set([...STREET_WORDS, ...STATE_WORDS])];

export function repairAddressWords(text: string): string {
  // The town its postcode names may be printed elsewhere in the address too ("Bandar Mahkota Chéras, 43200 Cheras").
  const towns = [...text.matchAll(/(?<!\d)\d{5}(?!\d)/g)].flatMap((match) => townOfPostcode(match[0])?.toUpperCase().split(/[^A-Z]+/) ?? []);
  return repairTownAfterPostcode(repairFromVocabulary(text, [...ADDRESS_VOCABULARY, ...towns], 5, true, PLACE_WORDS));
}

/** "43300 SERI KENBANGAN": the words after a postcode that are one letter each from its town's name are that name. */
export function repairTownAfterPostcode(text: string): string {
  return text.replace(/(?<!\d)(\d{5})([\s,]+)([\p{L}]+(?:[ -][\p{L}]+){0,3})/gu, (match, postcode: string, gap: string, words: string) => {
    const town = townOfPostcode(postcode);
    if (!town) return match;
    const townWords = town.toUpperCase().split(/[ -]/);
    const printed = words.split(/[ -]/);
    if (printed.length < townWords.length) return match;
    const head = printed.slice(0, townWords.length);
    const close = head.every((word, i) => word.toUpperCase() === townWords[i] || (townWords[i].length >= 4 && !PLACE_WORDS.has(word.toUpperCase()) && withinOneEdit(word.toUpperCase(), townWords[i])));
    if (!close) return match;
    const fixed = head.map((word, i) => inCaseOf(word, townWords[i])).join(' ');
    return `${postcode}${gap}${[fixed, ...printed.slice(townWords.length)].join(' ')}`;
  });
}

function inCaseOf(printed: string, word: string): string {
  if (printed === printed.toUpperCase()) return word;
  return word[0] + word.slice(1).toLowerCase();
}

/**
 * Long words of business names. Only a letter read wrong is repaired ("ENTERFRISE",
 * "CONFECTIDNERY"), not one missing or added, which would turn "SERVICE" into "SERVICES".
 */
const NAME_VOCABULARY = [
  'ENTERPRISE', 'ENTERPRISES', 'TRADING', 'HOLDINGS', 'INDUSTRIES', 'CORPORATION', 'RESTORAN', 'RESTAURANT', 'BAKERIES',
  'HARDWARE', 'STATIONERY', 'STATIONERS', 'SUPERMARKET', 'HYPERMARKET', 'MINIMARKET', 'PHARMACY', 'FARMASI', 'PERNIAGAAN',
  'SYARIKAT', 'SEAFOOD', 'CONFECTIONERY', 'TRADERS', 'SERVICES', 'HANDICRAFT', 'TAILORING', 'ELECTRICAL', 'BOUTIQUE',
  'MARKETING', 'INTERNATIONAL', 'MANAGEMENT', 'BOOKSTORE',
];

export function repairNameWords(text: string): string {
  return repairFromVocabulary(text, NAME_VOCABULARY, 7, false);
}

/** Words of `minLength` letters or more one edit (or, without `lengthMayChange`, one letter) from a vocabulary word become it, in the word's case. */
function repairFromVocabulary(text: string, vocabulary: readonly string[], minLength: number, lengthMayChange: boolean, known: ReadonlySet<string> = new Set()): string {
  return text.replace(new RegExp(`\\p{L}{${minLength},}`, 'gu'), (word) => {
    const upper = word.toUpperCase();
    if (vocabulary.includes(upper) || known.has(upper)) return word;
    const match = vocabulary.find((known) => (lengthMayChange ? Math.abs(known.length - upper.length) <= 1 : known.length === upper.length) && withinOneEdit(upper, known));
    if (!match) return word;
    return word === upper ? match : match[0] + match.slice(1).toLowerCase();
  });
}

function withinOneEdit(a: string, b: string): boolean {
  if (a.length === b.length) return [...a].filter((c, i) => c !== b[i]).length <= 1;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}
