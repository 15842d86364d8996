import { preparePixels } from '../image/prepare-image';
import type { ReadContext } from './read-context';

/** A rendered PDF page (RGBA pixels), recognised between `from` and `to` percent: by Tesseract when the reader has it. */
export async function readRenderedPage(
  page: { data: Uint8Array; width: number; height: number },
  context: ReadContext,
  from: number,
  to: number,
): Promise<string> {
  const prepared = await preparePixels(page, { maxInputPixels: context.limits.maxImagePixels });
  const { tesseract, paddle } = context.engines;
  if (tesseract) return (await tesseract.recognize(prepared.pgm, { signal: context.signal, onProgress: context.progress.span(from, to) })).text;
  if (paddle) return (await paddle.read(prepared.grey, context.signal)).text;
  throw new Error('the reader has no OCR engine');
}
