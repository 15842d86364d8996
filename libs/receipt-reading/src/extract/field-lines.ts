import { findAmountLines } from './amount-lines';
import { DATE_LABEL, datesInLine } from './dates';
import { toDocumentLines, type DocumentLine } from './document-lines';
import { headerLines } from './vendor';

/** A time ("10:52"; not "3.00", an amount). */
const CLOCK_TIME = /\b([01]?\d|2[0-3]):[0-5]\d\b/;
/** A date OCR half read: "0-06-16", "09/04/". */
const PARTIAL_DATE = /\d{1,2}\s?[-/.]\s?\d{1,2}\s?[-/.]/;
/** Lines re-read for a date nobody found: the time and label lines of the upper part. */
const MAX_GUESSED_DATE_LINES = 4;

/** Indexes (among the text's non-empty lines) of the lines that print the total. */
export function totalLines(text: string): number[] {
  return findAmountLines(toDocumentLines(text))
    .filter((line) => line.role === 'total' && !line.inSummary)
    .map((line) => line.line.index);
}

/**
 * Indexes of the lines that print a date, or, when none parses, of the lines that look as if they
 * did: a time, a date label or half a date.
 */
export function dateLines(text: string): number[] {
  const lines = toDocumentLines(text);
  const dated = lines.filter((line) => datesInLine(line, false).length > 0 || DATE_LABEL.test(line.upper));
  if (dated.length > 0) return dated.map((line) => line.index);
  return lines
    .filter((line) => line.index < lines.length * 0.6 && looksDated(line))
    .slice(0, MAX_GUESSED_DATE_LINES)
    .map((line) => line.index);
}

/** How many lines the header (name, address, registration) spans. */
export function headerLineCount(text: string): number {
  return headerLines(toDocumentLines(text)).length;
}

function looksDated(line: DocumentLine): boolean {
  return CLOCK_TIME.test(line.upper) || PARTIAL_DATE.test(line.upper);
}
