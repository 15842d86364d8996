import { headerLineCount } from '../extract/field-lines';
import type { PreparedImage } from '../image/prepare-image';
import { rereadLine } from './line-reread';
import { withMissingMarks } from './missing-marks';
import { readingFields, readingText } from './ocr-reading';
import type { TesseractContext } from './read-context';
import type { EngineReading } from './tesseract-reading';

/**
 * Marks Paddle's English recogniser drops and Tesseract's LSTM keeps. Measured on the training
 * receipts' header lines: they were most of Paddle's deletions; adding periods, hyphens or
 * ampersands too made more lines worse than better.
 */
const MARKS_PADDLE_DROPS = new Set(['(', ')', ',', ':']);
/** The name and address lines: the header rarely holds more. */
const MAX_HEADER_LINES = 8;

/**
 * Paddle's reading with the brackets, commas and colons of its header lines (name, address)
 * restored from Tesseract's reading of each line alone in Paddle's line box. Paddle reads the
 * letters better; a name or address is only right with its punctuation too.
 */
export async function withTesseractHeaderMarks(first: EngineReading, prepared: PreparedImage, context: TesseractContext): Promise<EngineReading> {
  const { reading } = first;
  const count = Math.min(headerLineCount(readingText(reading)), MAX_HEADER_LINES);
  if (count === 0) return first;
  const opinions = await Promise.all(reading.lines.slice(0, count).map((line) => rereadLine(line, prepared.grey, context)));
  const lines = reading.lines.map((line, index) => (index < count ? { ...line, text: withMissingMarks(line.text, opinions[index].text, MARKS_PADDLE_DROPS) } : line));
  const marked = { ...reading, lines };
  const text = lines.map((line) => line.text).join('\n') + '\n';
  return { text, reading: marked, fields: readingFields(marked, { locale: context.locale, takenOn: prepared.takenOn }) };
}
