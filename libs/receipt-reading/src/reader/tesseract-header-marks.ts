import type { GreyImage } from '../image/grey-image';
import { rereadHeaderLines } from './header-lines';
import { withMissingMarks } from './missing-marks';
import type { OcrReading } from './ocr-reading';
import type { TesseractContext } from './read-context';

/**
 * Marks Paddle's English recogniser drops and Tesseract's LSTM keeps. Measured on the training
 * receipts' header lines: they were most of Paddle's deletions; adding periods, hyphens or
 * ampersands too made more lines worse than better.
 */
const MARKS_PADDLE_DROPS = new Set(['(', ')', ',', ':']);

/**
 * Paddle's reading with the brackets, commas and colons of its header lines (name, address)
 * restored from Tesseract's reading of each line alone in Paddle's line box. Paddle reads the
 * letters better; a name or address is only right with its punctuation too.
 */
export async function withTesseractHeaderMarks(reading: OcrReading, image: GreyImage, context: TesseractContext): Promise<OcrReading> {
  const opinions = await rereadHeaderLines(reading, image, context);
  const lines = reading.lines.map((line, index) => (index < opinions.length ? { ...line, text: withMissingMarks(line.text, opinions[index].text, MARKS_PADDLE_DROPS) } : line));
  return { ...reading, lines };
}
