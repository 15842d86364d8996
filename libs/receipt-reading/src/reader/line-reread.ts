import { PSM } from 'tesseract.js';
import { cropRegion } from '../image/crop-region';
import type { GreyImage } from '../image/grey-image';
import type { OcrEngine, OcrLine } from '../ocr/ocr-pool';
import type { TesseractContext } from './read-context';

/** Height (px) the LSTM reads a line at: text printed large, or small, reads best at about this size. */
const LINE_HEIGHT = 40;
/** Kept above and below a line, as a share of its height: its ascenders and descenders. */
const LINE_PADDING = 0.3;
/** Bounds the enlargement: a speck "line" a few pixels high must not become a huge crop. */
const MAX_SCALE = 3;

export interface LineReading {
  text: string;
  confidence: number;
}

/**
 * One line of the page read again alone: by the LSTM scaled to one text size, or by the legacy
 * engine (whose errors differ) at the page's size.
 */
export async function rereadLine(line: OcrLine, image: GreyImage, context: TesseractContext, engine: OcrEngine = 'lstm'): Promise<LineReading> {
  const scale = engine === 'lstm' ? Math.min(MAX_SCALE, LINE_HEIGHT / Math.max(1, line.box.height)) : 1;
  const crop = await cropRegion(image, line.box, { padding: LINE_PADDING, scale });
  const page = await context.pool.recognize(crop, { engine, pageSegmentationMode: PSM.SINGLE_LINE, signal: context.signal });
  return { text: page.text.replace(/\s+/g, ' ').trim(), confidence: page.confidence };
}
