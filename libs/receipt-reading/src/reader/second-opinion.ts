import type { GreyImage } from '../image/grey-image';
import type { OcrEngine } from '../ocr/ocr-pool';
import { rereadLine } from './line-reread';
import type { TesseractContext } from './read-context';
import type { OcrReading } from './ocr-reading';

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
export async function withSecondOpinions(reading: OcrReading, recheck: LinesToRecheck, image: GreyImage, context: TesseractContext): Promise<OcrReading> {
  const jobs: { index: number; engine: OcrEngine }[] = [
    ...recheck.legacy.map((index) => ({ index, engine: 'legacy' as const })),
    ...recheck.alone.map((index) => ({ index, engine: 'lstm' as const })),
  ];
  const readings = await Promise.all(
    jobs.map(async ({ index, engine }) => {
      // A header line the LSTM read twice already (in the page and alone) votes with the reading it did not keep.
      const other = engine === 'lstm' ? reading.otherLstmReading?.get(index) : undefined;
      return { index, text: other ?? (await rereadLine(reading.lines[index], image, context, engine)).text };
    }),
  );
  const alternatives = new Map(reading.alternatives);
  for (const { index, text } of readings) if (text) alternatives.set(index, [...(alternatives.get(index) ?? []), text]);
  return { ...reading, alternatives };
}
