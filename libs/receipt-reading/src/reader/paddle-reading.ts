import type { PreparedImage } from '../image/prepare-image';
import type { PaddlePool } from '../paddle/paddle-pool';
import { readingFields, readingText, toReading, type OcrReading } from './ocr-reading';
import type { ReadContext } from './read-context';
import type { EngineReading } from './tesseract-reading';

/** A prepared image read by PaddleOCR: detected text boxes, each recognised, joined into lines. */
export async function readPaddleLines(prepared: PreparedImage, pool: PaddlePool, context: Pick<ReadContext, 'signal'>): Promise<OcrReading> {
  return toReading(await pool.read(prepared.grey, context.signal));
}

/** Paddle's reading of the page and the fields extracted from it. */
export async function readWithPaddle(prepared: PreparedImage, pool: PaddlePool, context: Pick<ReadContext, 'locale' | 'signal'>): Promise<EngineReading> {
  const reading = await readPaddleLines(prepared, pool, context);
  return { text: `${readingText(reading)}\n`, reading, fields: readingFields(reading, { locale: context.locale, takenOn: prepared.takenOn }) };
}
