import { preparePixels } from '../image/prepare-image';
import type { ReadContext } from './read-context';
import { readPreparedImage } from './read-image';
import type { ReadText } from './read-options';

/**
 * A rendered PDF page (RGBA pixels) read as an uploaded image is, by the same engines, its
 * progress reported between `from` and `to` percent.
 */
export async function readRenderedPage(
  page: { data: Uint8Array; width: number; height: number },
  context: ReadContext,
  from: number,
  to: number,
): Promise<Pick<ReadText, 'text' | 'fields'>> {
  const prepared = await preparePixels(page, { maxInputPixels: context.limits.maxImagePixels });
  return readPreparedImage(prepared, { ...context, progress: context.progress.within(from, to) });
}
