/** Repairs of OCR misreads in names and addresses that need no knowledge of the vendor. */

const LOOKALIKE_LETTERS: Record<string, string> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B', '§': 'S', $: 'S' };

/** "SON BHD", "SDN 8HD", "SEN 3HD", "5/B" → "SDN BHD", "S/B" (Malaysian legal forms). */
export function repairLegalForms(text: string): string {
  return text
    .replace(/\bS[A-Z0-9]{1,2}(\.?\s*)[B83][HN][DO0](?![A-Z0-9])/gi, (match, gap: string) => (match === match.toLowerCase() ? `sdn${gap}bhd` : `SDN${gap}BHD`))
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

/** "Jln" (Jalan), too short for the vocabulary, is often read "Jin" or "J1n". */
export function repairSymbolsInAddress(text: string): string {
  return text.replace(/\b(J)[I1|](N)(?=\.?\s)/gi, (_, j: string, n: string) => `${j}${n === 'N' ? 'L' : 'l'}${n}`);
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
 * Words of addresses: Malay street, area and compass words as Malaysian addresses print them (jalan,
 * lorong, taman, seksyen, kawasan perindustrian, utara...), English ones, and the 13 states and 3
 * federal territories of Malaysia (Federal Constitution of Malaysia, Article 1) with their honorifics (Darul Ehsan,
 * Darul Takzim). No town names: a list of them is either the whole country's or fitted to the
 * receipts at hand. An OCR'd word one letter away from one of them is read as it: "JALAII" stays,
 * but "Julan" and "MALAYSTA" are repaired.
 */
const ADDRESS_VOCABULARY = [
  'JALAN', 'TAMAN', 'BANDAR', 'LORONG', 'PERSIARAN', 'KAMPUNG', 'SEKSYEN', 'KAWASAN', 'PERINDUSTRIAN', 'INDUSTRIAL',
  'LEBUHRAYA', 'BUKIT', 'SUNGAI', 'SUNGEI', 'PUSAT', 'MUKIM', 'UTAMA', 'UTARA', 'SELATAN', 'TIMUR', 'BARAT', 'TENGAH',
  'SELANGOR', 'JOHOR', 'KEDAH', 'KELANTAN', 'MELAKA', 'NEGERI', 'SEMBILAN', 'PAHANG', 'PENANG', 'PULAU', 'PINANG',
  'PERAK', 'PERLIS', 'SABAH', 'SARAWAK', 'TERENGGANU', 'KUALA', 'LUMPUR', 'PUTRAJAYA', 'LABUAN', 'DARUL', 'EHSAN',
  'TAKZIM', 'MALAYSIA', 'SINGAPORE', 'STREET', 'ROAD', 'AVENUE', 'FLOOR', 'LEVEL', 'BLOCK', 'PLAZA', 'CENTRE', 'CENTER',
  'SHOPPING', 'BUILDING', 'TOWER', 'SQUARE',
];

export function repairAddressWords(text: string): string {
  return repairFromVocabulary(text, ADDRESS_VOCABULARY, 5, true);
}

/**
 * Long English and Malay words of trades and business names (enterprise, trading, restoran,
 * perniagaan, syarikat, farmasi...). Only a letter read wrong is repaired ("ENTERFRISE",
 * "CONFECTIDNERY"), not one missing or added, which would turn "SERVICE" into "SERVICES".
 */
const NAME_VOCABULARY = [
  'ENTERPRISE', 'ENTERPRISES', 'TRADING', 'HOLDINGS', 'INDUSTRIES', 'CORPORATION', 'RESTORAN', 'RESTAURANT', 'BAKERIES',
  'HARDWARE', 'STATIONERY', 'STATIONERS', 'SUPERMARKET', 'HYPERMARKET', 'MINIMARKET', 'PHARMACY', 'FARMASI', 'PERNIAGAAN',
  'SYARIKAT', 'SEAFOOD', 'CONFECTIONERY', 'TRADERS', 'SERVICES', 'ELECTRICAL', 'BOUTIQUE',
  'MARKETING', 'INTERNATIONAL', 'MANAGEMENT', 'BOOKSTORE',
];

export function repairNameWords(text: string): string {
  return repairFromVocabulary(text, NAME_VOCABULARY, 7, false);
}

/** Words of `minLength` letters or more one edit (or, without `lengthMayChange`, one letter) from a vocabulary word become it, in the word's case. */
function repairFromVocabulary(text: string, vocabulary: readonly string[], minLength: number, lengthMayChange: boolean): string {
  return text.replace(new RegExp(`\\p{L}{${minLength},}`, 'gu'), (word) => {
    const upper = word.toUpperCase();
    if (vocabulary.includes(upper)) return word;
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
