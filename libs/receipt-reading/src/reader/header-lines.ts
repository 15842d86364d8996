import { headerLineCount } from '../extract/field-lines';
import type { GreyImage } from '../image/grey-image';
import { rereadLine, type LineReading } from './line-reread';
import type { TesseractContext } from './read-context';
import { readingText, type OcrReading } from './ocr-reading';

/** The name and address lines: the header rarely holds more. */
const MAX_HEADER_LINES = 8;

/** How many of the text's first lines are its header (name, address) worth reading again. */
export function headerLinesToReread(text: string): number {
  return Math.min(headerLineCount(text), MAX_HEADER_LINES);
}

/** The header lines read again by Tesseract's LSTM, one at a time, each alone at one text size. */
export function rereadHeaderLines(reading: OcrReading, image: GreyImage, context: TesseractContext): Promise<LineReading[]> {
  const count = headerLinesToReread(readingText(reading));
  return Promise.all(reading.lines.slice(0, count).map((line) => rereadLine(line, image, context)));
}

/**
 * The header lines (name, address) read again one at a time, each scaled to one text size. Read
 * within the page, a large or spaced title loses its first letter ("HREE STOOGES") or reads
 * letters wrong; alone it often does not. A line's new reading replaces the first only when
 * Tesseract is at least as sure of it.
 */
export async function withHeaderLinesReread(reading: OcrReading, image: GreyImage, context: TesseractContext): Promise<OcrReading> {
  const rereads = await rereadHeaderLines(reading, image, context);
  const lines = [...reading.lines];
  const otherLstmReading = new Map<number, string>();
  rereads.forEach((reread, index) => {
    const line = reading.lines[index];
    const keepsReread = reread.text !== '' && reread.confidence >= line.confidence;
    if (keepsReread) lines[index] = { ...line, ...reread };
    otherLstmReading.set(index, keepsReread ? line.text : reread.text);
  });
  return { ...reading, lines, otherLstmReading };
}
