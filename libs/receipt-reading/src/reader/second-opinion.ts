import { cropRegion } from '../image/crop-region';
import type { GreyImage } from '../image/grey-image';
import type { ImageReadContext } from './read-image';
import type { OcrReading } from './ocr-reading';

/** Kept above and below a line, as a share of its height: its ascenders and descenders. */
const LINE_PADDING = 0.3;

/**
 * The lines at `indexes` re-read alone by the legacy engine, whose errors differ from the LSTM's:
 * its readings become alternatives that compete with the first ones for the total and the date.
 */
export async function withSecondOpinions(reading: OcrReading, indexes: readonly number[], image: GreyImage, context: ImageReadContext): Promise<OcrReading> {
  const alternatives = new Map(reading.alternatives);
  const readings = await Promise.all(
    indexes.map(async (index) => {
      const line = reading.lines[index];
      const crop = await cropRegion(image, line.box, { padding: LINE_PADDING, scale: 1 });
      const page = await context.pool.recognize(crop, { engine: 'legacy', signal: context.signal });
      return { index, text: page.text.replace(/\s+/g, ' ').trim() };
    }),
  );
  for (const { index, text } of readings) if (text) alternatives.set(index, [...(alternatives.get(index) ?? []), text]);
  return { ...reading, alternatives };
}
