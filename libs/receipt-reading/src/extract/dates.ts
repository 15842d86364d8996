import type { ExtractedDate } from '@irp/contracts';
import type { DocumentLine } from './document-lines';
import { regionOf } from './currency';

/**
 * Dates as receipts print them: 25/12/2018, 20-11-17, 2018-12-25, 07 MAR 2018, 05-JAN-2017,
 * March 7, 2018, 25032018, 20180428, month names in several languages, and OCR's "1210212018".
 */

/** Month name prefixes (upper case, accents kept) in English, Malay, German, French, Spanish, Italian, Dutch, Portuguese. */
const MONTHS: ReadonlyArray<readonly string[]> = [
  ['JAN', 'JÄN', 'JANV', 'ENE', 'GEN', 'JANEIRO'],
  ['FEB', 'FEV', 'FÉV', 'FEVR', 'FÉVR'],
  ['MAR', 'MAC', 'MÄR', 'MRZ', 'MARS', 'MAAR'],
  ['APR', 'AVR', 'ABR'],
  ['MAY', 'MEI', 'MAI', 'MAG', 'MAYO', 'MAIO', 'MEI'],
  ['JUN', 'JUIN', 'GIU'],
  ['JUL', 'JUIL', 'LUG'],
  ['AUG', 'OGO', 'OGOS', 'AOÛ', 'AOU', 'AGO'],
  ['SEP', 'SEPT', 'SET'],
  ['OCT', 'OKT', 'OTT', 'OUT'],
  ['NOV'],
  ['DEC', 'DIS', 'DEZ', 'DÉC', 'DIC'],
];
const MONTH_WORD = '([A-ZÀ-Ü|1][A-ZÀ-Ü]{2,8})\\.?';

export const DATE_LABEL = /\b(DATE|DATED|TARIKH|DATUM|FECHA|DATA|BILL DT|TRANS(?:ACTION)? DATE|INVOICE DATE|DATE\/TIME|DT)\b/;
const NOT_THE_DOCUMENT_DATE = /\b(EXP(?:IRY|IRES|\.)?|VALID|DUE|BEST BEFORE|USE BY|BIRTH|DOB|PRINTED|MEMBER SINCE|UNTIL)\b/;
/** An invoice's own date, as invoices label it in English, German, French, Dutch, Spanish, Italian. */
const INVOICE_DATE_LABEL =
  /\b(INVOICE DATE|DATE OF (?:ISSUE|INVOICE)|ISSUE DATE|DATE ISSUED|RECHNUNGSDATUM|AUSSTELLUNGSDATUM|BELEGDATUM|DATE DE (?:LA )?FACTURE|DATE DE FACTURATION|DATE D'ÉMISSION|DATE D.EMISSION|FACTUURDATUM|FACTUUR DATUM|FECHA DE (?:LA )?FACTURA|FECHA DE EMISIÓN|DATA (?:DELLA )?FATTURA|DATA DI EMISSIONE)\b/;
/** Dates of an invoice that are not its own: when it is due, ordered, debited, the period or stay it covers. */
const OTHER_INVOICE_DATE =
  /\b(ORDER DATE|ORDERED ON|BILLING PERIOD|SERVICE PERIOD|PERIOD|ZAHLBAR|FÄLLIG\p{L}*|BESTELLDATUM|BESTELLT AM|LEISTUNGSZEITRAUM|ZEITRAUM|ABRECHNUNGSZEITRAUM|ABBUCHUNG|ÉCHÉANCE|ECHEANCE|DATE DE COMMANDE|PÉRIODE|PRÉLÈVEMENT|PRELEVEMENT|VERVALDATUM|VERVALT|UITERLIJK|BESTELDATUM|PERIODE|AANKOMST|ARRIVAL|CHECK-IN|ANREISE|ARRIVÉE|INCASSO|VENCIMIENTO|SCADENZA)(?![\p{L}])/u;
/** Another engine's reading of a date line counts for a little less than the first reading. */
const ALTERNATIVE_CERTAINTY = 0.9;
/** What each other reading of the same line that agrees adds: two alternatives outvote the first. */
const AGREEING_READING = 0.3;
/** With no date printed, the day the photo was taken stands in, doubtful enough to be reviewed. */
const PHOTO_DAY_CONFIDENCE = 0.3;
/** Eight digits without a label or time beside them are a date only for want of any other. */
const UNLABELLED_COMPACT_CERTAINTY = 0.4;
const DAY_MS = 24 * 60 * 60 * 1000;
const TIME = /\b([01]?\d|2[0-3])[:.][0-5]\d(?::[0-5]\d)?\b|\b\d{1,2}:\d{2}\s?(?:AM|PM)\b/;

interface DateCandidate {
  iso: string;
  line: DocumentLine;
  /** How the date was written: unambiguous forms score higher than guessed day/month order. */
  certainty: number;
  /** Where on the line the date starts: the label before it says which date it is. */
  at: number;
}

export interface DateOptions {
  locale?: string;
  /** The day the photo of the document was taken (YYYY-MM-DD): a date after it is misread or not the document's. */
  takenOn?: string | null;
}

export function findDate(lines: readonly DocumentLine[], options: DateOptions = {}): ExtractedDate | null {
  const monthFirst = regionOf(options.locale) === 'US';
  const takenOn = options.takenOn ?? null;
  const candidates = lines.flatMap((line) => [...datesInLine(line, monthFirst, takenOn), ...alternativeDates(line, monthFirst, takenOn)]);
  // With no other date printed, eight digits standing alone in the upper half may be one ("27032018 No: CS-20243").
  if (candidates.length === 0) candidates.push(...lines.filter((line) => line.index < lines.length / 2).flatMap((line) => compactDates(line, monthFirst, UNLABELLED_COMPACT_CERTAINTY)));
  if (candidates.length === 0) return takenOn ? { value: takenOn, confidence: PHOTO_DAY_CONFIDENCE } : null;
  const scored = candidates.map((candidate) => ({ candidate, score: scoreDate(candidate, candidates, lines.length, takenOn) }));
  scored.sort((a, b) => b.score - a.score || a.candidate.line.index - b.candidate.line.index);
  const best = scored[0];
  const rival = scored.find((s) => s.candidate.iso !== best.candidate.iso);
  const margin = rival ? Math.min(1, (best.score - rival.score) / 2) : 1;
  const confidence = clamp(0.45 + 0.3 * best.candidate.certainty + 0.2 * margin + (repeats(best.candidate, candidates) ? 0.05 : 0));
  return { value: best.candidate.iso, confidence };
}

/**
 * Dates another engine read on the line, a little less trusted than the first reading's; the line's
 * label and time are judged on the first reading, which reads words better.
 */
function alternativeDates(line: DocumentLine, monthFirst: boolean, takenOn: string | null): DateCandidate[] {
  return (line.alternatives ?? []).flatMap((text) =>
    datesInLine({ ...line, text, upper: text.toUpperCase() }, monthFirst, takenOn).map((candidate) => ({ ...candidate, line, certainty: candidate.certainty * ALTERNATIVE_CERTAINTY })),
  );
}

function scoreDate(candidate: DateCandidate, all: readonly DateCandidate[], lineCount: number, takenOn: string | null): number {
  const { line } = candidate;
  let score = candidate.certainty * 2;
  const label = nearestLabel(line.upper.slice(0, candidate.at));
  if (label === 'invoice' || DATE_LABEL.test(line.upper)) score += 1.5;
  if (label === 'invoice') score += 1;
  if (TIME.test(line.upper)) score += 1;
  if (label === 'other' || NOT_THE_DOCUMENT_DATE.test(line.upper) || isAfterPhoto(candidate.iso, takenOn)) score -= 3;
  if (repeats(candidate, all)) score += 0.5;
  score += AGREEING_READING * agreeingReadings(candidate, all);
  score -= lineCount > 0 ? (line.index / lineCount) * 0.5 : 0;
  return score;
}

/**
 * Which invoice label stands nearest before a date ("Rechnungsdatum: 05.03.2024 Fällig: 19.03.2024"
 * gives each date its own label; the end of "Période du 01/01 au 31/01" keeps the period's).
 */
function nearestLabel(before: string): 'invoice' | 'other' | null {
  const last = (pattern: RegExp): number => Math.max(-1, ...[...before.matchAll(new RegExp(pattern.source, 'gu'))].map((m) => m.index));
  const invoice = last(INVOICE_DATE_LABEL);
  const other = last(OTHER_INVOICE_DATE);
  if (invoice < 0 && other < 0) return null;
  return invoice > other ? 'invoice' : 'other';
}

/** Other readings of the candidate's line that found the same date: a misread digit is outvoted. */
function agreeingReadings(candidate: DateCandidate, all: readonly DateCandidate[]): number {
  return all.filter((other) => other !== candidate && other.iso === candidate.iso && other.line.index === candidate.line.index).length;
}

function repeats(candidate: DateCandidate, all: readonly DateCandidate[]): boolean {
  return all.some((other) => other.iso === candidate.iso && other.line.index !== candidate.line.index);
}

function clamp(value: number): number {
  return Math.max(0, Math.min(0.99, Number(value.toFixed(2))));
}

export function datesInLine(line: DocumentLine, monthFirst: boolean, takenOn: string | null = null): DateCandidate[] {
  const found: DateCandidate[] = [];
  const text = withDateDigits(line.upper);
  const add = (iso: string | null, certainty: number, at: number | undefined): void => {
    if (iso && !found.some((f) => f.iso === iso)) found.push({ iso, line, certainty, at: at ?? 0 });
  };

  for (const m of text.matchAll(/(?<![\d.])((?:19|20)\d\d)\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{1,2})(?![\d])/g)) {
    add(toIso(+m[1], +m[2], +m[3]), 1, m.index);
  }
  for (const m of text.matchAll(/(?<![\d.,])(\d{1,2})\s?([-/.])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?![\d])/g)) {
    const [iso, certainty] = numericDate(+m[1], +m[3], m[4], monthFirst, takenOn);
    if (iso) add(iso, certainty, m.index);
    else if (m[4].length === 4) add(...repairedYear(+m[1], +m[3], m[4], monthFirst, takenOn), m.index);
  }
  // OCR reads the slashes of 12/02/2018 as ones: 1210212018.
  for (const m of text.matchAll(/(?<!\d)(\d{2})[1Il|](\d{2})[1Il|]((?:19|20)\d\d)(?!\d)/g)) {
    const [iso, certainty] = numericDate(+m[1], +m[2], m[3], monthFirst, takenOn);
    add(iso, certainty * 0.8, m.index);
  }
  for (const m of text.matchAll(new RegExp(`(?<!\\d)(\\d{1,2})(?:ST|ND|RD|TH)?[\\s\\-/.,]{0,3}${MONTH_WORD}[\\s\\-/.,']{0,3}(\\d{4}|\\d{2})(?!\\d)`, 'g'))) {
    const month = monthNumber(m[2]);
    if (month) add(toIso(expandYear(m[3]), month, +m[1]), 1, m.index);
  }
  for (const m of text.matchAll(new RegExp(`\\b${MONTH_WORD}[\\s\\-/.]{0,3}(\\d{1,2})(?:ST|ND|RD|TH)?[,\\s\\-/.]{1,3}(\\d{4})(?!\\d)`, 'g'))) {
    const month = monthNumber(m[1]);
    if (month) add(toIso(+m[3], month, +m[2]), 1, m.index);
  }
  // Eight digits are a date only beside a date label or a time (else they are any number).
  if (DATE_LABEL.test(text) || TIME.test(text) || /\d{8}\/\d{4,6}/.test(text)) {
    for (const candidate of compactDates(line, monthFirst, 1)) add(candidate.iso, candidate.certainty, candidate.at);
  }
  return found;
}

/** OCR reads the 0 of a date as O; one character for one, so offsets stay. */
function withDateDigits(upper: string): string {
  return upper.replace(/[Oo](?=\d)|(?<=\d)[Oo]/g, '0');
}

/** Eight-digit dates of a line ("25032018", "20180428"), their certainty scaled by `weight`. */
function compactDates(line: DocumentLine, monthFirst: boolean, weight: number): DateCandidate[] {
  return [...withDateDigits(line.upper).matchAll(/(?<![\d.,])(\d{8})(?![\d.,])/g)].flatMap((m) => {
    const [iso, certainty] = compactDate(m[1], monthFirst);
    return iso ? [{ iso, line, certainty: certainty * weight, at: m.index }] : [];
  });
}

/** OCR reads the 0 of 2017 as 6, 8 or 9 ("15/11/2617"), or its 2 as 3 ("3017"): such a year is tried as 20... */
function repairedYear(first: number, second: number, yearText: string, monthFirst: boolean, takenOn: string | null): [string | null, number] {
  if (!/^(2[1-9]|[13-9]0)\d\d$/.test(yearText)) return [null, 0];
  const [iso, certainty] = numericDate(first, second, `20${yearText.slice(2)}`, monthFirst, takenOn);
  return [iso, certainty * 0.5];
}

function numericDate(first: number, second: number, yearText: string, monthFirst: boolean, takenOn: string | null): [string | null, number] {
  const year = expandYear(yearText);
  const dayFirst = toIso(year, second, first);
  const monthFirstIso = toIso(year, first, second);
  if (dayFirst && monthFirstIso && dayFirst !== monthFirstIso) {
    const [usual, other] = monthFirst ? [monthFirstIso, dayFirst] : [dayFirst, monthFirstIso];
    // 04/03 taken on 10 March is the 4th of March wherever the shop is: April has not come yet.
    if (isAfterPhoto(usual, takenOn) !== isAfterPhoto(other, takenOn)) return [isAfterPhoto(usual, takenOn) ? other : usual, 0.8];
    return [usual, 0.6];
  }
  return [dayFirst ?? monthFirstIso, yearText.length === 4 ? 1 : 0.8];
}

/** Later than the day after the photo was taken (a day's grace for time zones and camera clocks). */
function isAfterPhoto(iso: string, takenOn: string | null): boolean {
  return takenOn !== null && Date.parse(iso) > Date.parse(takenOn) + DAY_MS;
}

/** 25032018 (day first) or 20180428 (year first); only when exactly one reading is a date. */
function compactDate(digits: string, monthFirst: boolean): [string | null, number] {
  const yearFirst = /^(19|20)\d\d/.test(digits) ? toIso(+digits.slice(0, 4), +digits.slice(4, 6), +digits.slice(6)) : null;
  const yearLast = /(19|20)\d\d$/.test(digits)
    ? monthFirst
      ? toIso(+digits.slice(4), +digits.slice(0, 2), +digits.slice(2, 4))
      : toIso(+digits.slice(4), +digits.slice(2, 4), +digits.slice(0, 2))
    : null;
  if (yearFirst && yearLast) return [null, 0];
  return [yearFirst ?? yearLast, 0.5];
}

function monthNumber(printed: string): number | null {
  // OCR reads the J of JAN, JUN, JUL as I, L, 1 or |.
  const word = /^[IL1|](AN|UN|UL)/.test(printed) ? `J${printed.slice(1)}` : printed;
  for (let i = 0; i < MONTHS.length; i++) {
    if (MONTHS[i].some((name) => word.startsWith(name) && isMonthWord(word, name))) return i + 1;
  }
  return null;
}

/** "MARCH", "MAR", "MARS" are months; "MARKET" and "MARK" are not. */
function isMonthWord(word: string, prefix: string): boolean {
  return word === prefix || FULL_MONTH_NAMES.some((name) => name.startsWith(word));
}

const FULL_MONTH_NAMES = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER',
    'JANUAR', 'FEBRUAR', 'MÄRZ', 'OKTOBER', 'DEZEMBER', 'JANVIER', 'FÉVRIER', 'FEVRIER', 'AVRIL', 'JUILLET', 'AOÛT', 'SEPTEMBRE',
    'OCTOBRE', 'NOVEMBRE', 'DÉCEMBRE', 'DECEMBRE', 'ENERO', 'FEBRERO', 'MARZO', 'ABRIL', 'MAYO', 'JUNIO', 'JULIO', 'AGOSTO',
    'SEPTIEMBRE', 'OCTUBRE', 'NOVIEMBRE', 'DICIEMBRE', 'GENNAIO', 'FEBBRAIO', 'MAGGIO', 'GIUGNO', 'LUGLIO', 'SETTEMBRE',
    'OTTOBRE', 'DICEMBRE', 'JUNI', 'JULI', 'MAART', 'JANUARI', 'FEBRUARI', 'MAC', 'MEI', 'OGOS', 'DISEMBER', 'JANEIRO',
    'FEVEREIRO', 'MARÇO', 'MAIO', 'JUNHO', 'JULHO', 'SETEMBRO', 'OUTUBRO', 'NOVEMBRO', 'DEZEMBRO', 'MARS', 'JUIN', 'AOUT'];

function expandYear(text: string): number {
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

/** A real calendar date in a plausible range, as YYYY-MM-DD, or null. */
export function toIso(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1990 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
