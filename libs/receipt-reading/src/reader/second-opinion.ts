import { cropRegion } from '../image/crop-region';
import type { GreyImage } from '../image/grey-image';
import { rereadLine } from './line-reread';
import type { ImageReadContext } from './read-image';
import type { OcrReading } from './ocr-reading';

/** Kept above and below a line, as a share of its height: its ascenders and descenders. */
const LINE_PADDING = 0.3;

export interface LinesToRecheck {
  /** Lines re-read by the legacy engine, whose errors differ from the LSTM's (totals and dates). */
  legacy: readonly number[];
  /**
   * Lines also re-read alone by the LSTM engine at one text size (dates): with three readings, a
   * misread digit in one of them is outvoted.
   */
  alone: readonly number[];
}

/** The lines re-read; their readings become alternatives that compete with the first ones. */
export async function withSecondOpinions(reading: OcrReading, recheck: LinesToRecheck, image: GreyImage, context: ImageReadContext): Promise<OcrReading> {
  const legacyReadings = recheck.legacy.map(async (index) => {
    const crop = await cropRegion(image, reading.lines[index].box, { padding: LINE_PADDING, scale: 1 });
    const page = await context.pool.recognize(crop, { engine: 'legacy', signal: context.signal });
    return { index, text: page.text.replace(/\s+/g, ' ').trim() };
  });
  const aloneReadings = recheck.alone.map(async (index) => ({ index, text: (await rereadLine(reading.lines[index], image, context)).text }));
  const alternatives = new Map(reading.alternatives);
  for (const { index, text } of await Promise.all([...legacyReadings, ...aloneReadings])) {
    if (text) alternatives.set(index, [...(alternatives.get(index) ?? []), text]);
  }
  return { ...reading, alternatives };
}
