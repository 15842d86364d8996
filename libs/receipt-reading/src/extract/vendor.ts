import type { ExtractedText } from '@irp/contracts';
import type { DocumentLine } from './document-lines';
import { findAmounts } from './amounts';
import { dropStrayMarks, repairDigitsInWords, repairLegalForms, repairNameWords } from './ocr-cleanup';
import { datesInLine } from './dates';
import {
  hasBusinessWord,
  hasLegalForm,
  hasNameEnding,
  isAddressLike,
  isContact,
  isNoise,
  isRegistration,
  isTitle,
  legalFormEnd,
  letterCount,
} from './line-kinds';

export interface Vendor {
  name: ExtractedText;
  /** Indexes (in the document's lines) of the first and last line of the name. */
  firstLine: number;
  lastLine: number;
}

/** How far down the vendor's name may be: receipts print it first, after a logo or a few words. */
const HEADER_LINES = 14;
const LEGAL_FORM_ALONE = /^(SDN\.? ?BHD|BHD|S\/B|LTD|LIMITED|INC|LLC|PLC|GMBH)\.?$/i;
const REGISTRATION_NUMBER = /\(?\b\d{4,}[- ]?[A-Z]\b\)?/g;

/**
 * The vendor's name: among the header lines that are not an address, a phone number, a tax
 * registration or a title, the one that looks most like a business name (a legal form such as
 * "SDN BHD" or "LTD", a trade word, capitals), preferring earlier lines. A name broken over lines
 * ("THE COFFEE BEAN &" / "TEA LEAF (M) SDN. BHD.") is joined.
 */
export function findVendor(lines: readonly DocumentLine[]): Vendor | null {
  const header = headerLines(lines).map((line) => ({ ...line, text: repairLegalForms(line.text), upper: repairLegalForms(line.upper) }));
  const firstAddress = header.findIndex((line) => isAddressLike(line) && !hasLegalForm(line.text));
  let best: { line: DocumentLine; score: number } | null = null;
  let rank = 0;
  for (const [position, line] of header.entries()) {
    let score = nameScore(line, position, header);
    if (score === null) continue;
    // The name comes first and before the address; trade descriptions ("BISTRO & CAFE") follow it.
    if (rank++ === 0) score += 1.5;
    if (firstAddress >= 0 && position > firstAddress) score -= 2;
    if (!best || score > best.score) best = { line, score };
  }
  if (!best) return null;
  const { first, last } = extendName(best.line, lines);
  const raw = lines.slice(first, last + 1).map((line) => repairLegalForms(line.text)).join(' ');
  const value = cleanName(raw);
  if (letterCount(value) < 2) return null;
  const confidence = Math.max(0.2, Math.min(0.95, 0.35 + best.score * 0.1));
  return { name: { value, confidence: Number(confidence.toFixed(2)) }, firstLine: first, lastLine: last };
}

/** The lines before the first item or amount, and at most HEADER_LINES of them. */
export function headerLines(lines: readonly DocumentLine[]): DocumentLine[] {
  const header: DocumentLine[] = [];
  for (const line of lines) {
    if (line.page > 1 || header.length >= HEADER_LINES) break;
    const money = findAmounts(line.text).some((a) => a.hasDecimals);
    if (money && header.length >= 3) break;
    header.push(line);
  }
  return header;
}

function nameScore(line: DocumentLine, position: number, header: readonly DocumentLine[]): number | null {
  const legal = hasLegalForm(line.text);
  // "AEON CO. (M) BHD (126926-H)": the registration number is not noise in the name.
  if (isLabel(line) || (isNoise(line) && !(legal && !isNoise(withoutRegistration(line)))) || isContact(line) || isDatedNotName(line)) return null;
  const ending = hasNameEnding(line.text);
  if (!legal && !ending && (isTitle(line) || isRegistration(line) || isAddressLike(line))) return null;
  let score = 0;
  if (legal) score += 4;
  else if (ending) score += 2.5;
  if (hasBusinessWord(line.text)) score += 1;
  const letters = letterCount(line.text);
  const capitals = (line.text.match(/\p{Lu}/gu) ?? []).length;
  if (capitals / letters > 0.8) score += 1;
  if (letters >= 6) score += 0.5;
  const next = header[position + 1];
  if (next && (isAddressLike(next) || isRegistration(next))) score += 0.5;
  if (/[^\p{L}\d\s&.,'()/@+-]/u.test(line.text)) score -= 1;
  score -= position * 0.35;
  return score;
}

/**
 * A line with a date, unless a legal form ends before it: "ACME SDN BHD 27 Mar 2018 18:46" is a
 * name with the date printed beside it, which OCR read as one line (cleanName drops the date).
 */
function isDatedNotName(line: DocumentLine): boolean {
  const dates = datesInLine(line, false);
  if (dates.length === 0) return false;
  const nameEnd = legalFormEnd(line.text);
  return nameEnd < 0 || dates.some((date) => date.at < nameEnd);
}

/** "Account number:": a field's label heads its value, it names nobody (a stray mark after a name is spaced: "TRADING :"). */
function isLabel(line: DocumentLine): boolean {
  return /\p{L}:$/u.test(line.text) && !hasLegalForm(line.text) && !hasNameEnding(line.text);
}

function withoutRegistration(line: DocumentLine): DocumentLine {
  const text = line.text.replace(REGISTRATION_NUMBER, ' ').replace(/\s+/g, ' ').trim();
  return { ...line, text, upper: text.toUpperCase() };
}

/** Joins the lines before and after that continue the name. */
function extendName(line: DocumentLine, lines: readonly DocumentLine[]): { first: number; last: number } {
  let first = line.index;
  let last = line.index;
  while (first > 0 && first > line.index - 3 && continuesBackwards(lines[first - 1], lines.slice(first, last + 1))) first--;
  if (!hasLegalForm(lines[last].text) && !hasNameEnding(lines[last].text)) {
    const next = lines[last + 1];
    if (next && !isNoise(next) && (hasLegalForm(next.text) || hasNameEnding(next.text)) && !isAddressLike(next) && !isContact(next)) last++;
  }
  return { first, last };
}

function continuesBackwards(previous: DocumentLine, name: readonly DocumentLine[]): boolean {
  const nameText = name.map((line) => line.text).join(' ');
  if (isNoise(previous) || isContact(previous) || isTitle(previous) || isRegistration(previous)) return false;
  // A legal form alone names nobody: the line above is the name, even with a place in it
  // ("NANDO'S CHICKENLAND MALAYSIA" / "SDN BHD"), unless it is numbered as an address is.
  if (LEGAL_FORM_ALONE.test(nameText.trim())) return !/\d/.test(previous.text);
  if (isAddressLike(previous)) return false;
  const openParens = (nameText.match(/\(/g) ?? []).length;
  const closeParens = (nameText.match(/\)/g) ?? []).length;
  return (
    /(&|\bAND|,|\()$/i.test(previous.text) ||
    /^(&|\)|AND\b)/i.test(nameText) ||
    closeParens > openParens ||
    /^(SDN|BHD|S\/B|LTD|LIMITED|INC|ENTERPRISES?|TRADING|HOLDINGS|CO\b)/i.test(nameText)
  );
}

/** Repairs the legal form as OCR misreads it and drops what follows it (registration numbers). */
export function cleanName(raw: string): string {
  let name = repairNameWords(repairDigitsInWords(dropStrayMarks(repairLegalForms(raw)))).replace(/\s*\.\s*(?=SDN\b)/i, ' ');
  const suffix = /\b(SDN\.? ?BHD\.?|BHD\.?|S\/B|LTD\.?|LIMITED|PLC|INC\.?|LLC|GMBH|PTY\.? LTD\.?|PTE\.? LTD\.?)(?![\p{L}])/iu.exec(name);
  if (suffix) {
    const end = suffix.index + suffix[0].length;
    const rest = name.slice(end);
    // Keep a branch in parentheses ("(JALAN KLANG LAMA)"), not a registration number.
    const branch = /^\s*\([\p{L}\s.'&-]{3,}\)/u.exec(rest);
    name = name.slice(0, end) + (branch ? branch[0] : '');
  }
  return name
    .replace(/\s*\(?\b\d{4,}[- ]?[A-Z]\b\)?.*$/, '')
    .replace(/[\s|~_=:;,-]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
