import type { PreparedImage } from '../image/prepare-image';
import type { PaddlePool } from '../paddle/paddle-pool';
import { readingFields, toReading } from './ocr-reading';
import type { ReadContext } from './read-context';
import type { EngineReading } from './tesseract-reading';

/** A prepared image read by PaddleOCR: detected text boxes, each recognised, joined into lines. */
export async function readWithPaddle(prepared: PreparedImage, pool: PaddlePool, context: Pick<ReadContext, 'locale' | 'signal'>): Promise<EngineReading> {
  const page = await pool.read(prepared.grey, context.signal);
  const reading = toReading(page);
  return { text: page.text, reading, fields: readingFields(reading, { locale: context.locale, takenOn: prepared.takenOn }) };
}
