import { PSM } from 'tesseract.js';
import { headerLineCount } from '../extract/field-lines';
import { cropRegion } from '../image/crop-region';
import type { GreyImage } from '../image/grey-image';
import type { OcrLine } from '../ocr/ocr-pool';
import type { ImageReadContext } from './read-image';
import { readingText, type OcrReading } from './ocr-reading';

/** The name and address lines: the header rarely holds more. */
const MAX_HEADER_LINES = 8;
/** Height (px) each line is scaled to: titles printed large, or small, read best at about this size. */
const LINE_HEIGHT = 40;
/** Kept above and below a line, as a share of its height: its ascenders and descenders. */
const LINE_PADDING = 0.3;
/** Bounds the enlargement: a speck "line" a few pixels high must not become a huge crop. */
const MAX_SCALE = 3;

/**
 * The header lines (name, address) read again one at a time, each scaled to one text size. Read
 * within the page, a large or spaced title loses its first letter ("HREE STOOGES") or reads
 * letters wrong; alone it often does not. A line's new reading replaces the first only when
 * Tesseract is at least as sure of it.
 */
export async function withHeaderLinesReread(reading: OcrReading, image: GreyImage, context: ImageReadContext): Promise<OcrReading> {
  const count = Math.min(headerLineCount(readingText(reading)), MAX_HEADER_LINES);
  const rereads = await Promise.all(reading.lines.slice(0, count).map((line) => rereadLine(line, image, context)));
  const lines = reading.lines.map((line, index) => {
    const reread = rereads[index];
    return reread?.text && reread.confidence >= line.confidence ? { ...line, ...reread } : line;
  });
  return { ...reading, lines };
}

async function rereadLine(line: OcrLine, image: GreyImage, context: ImageReadContext): Promise<{ text: string; confidence: number }> {
  const scale = Math.min(MAX_SCALE, LINE_HEIGHT / Math.max(1, line.box.height));
  const crop = await cropRegion(image, line.box, { padding: LINE_PADDING, scale });
  const page = await context.pool.recognize(crop, { pageSegmentationMode: PSM.SINGLE_LINE, signal: context.signal });
  return { text: page.text.replace(/\s+/g, ' ').trim(), confidence: page.confidence };
}
