import type { ImageFormat } from '../detect-document-type';
import { prepareImage, type PreparedImage } from '../image/prepare-image';
import { combineReadings } from './combined-reading';
import { readingText } from './ocr-reading';
import { withPaddleLineOpinions } from './paddle-line-opinions';
import { readPaddleLines, readWithPaddle } from './paddle-reading';
import type { ReadContext } from './read-context';
import type { ReadText } from './read-options';
import { withTesseractAmountOpinions } from './tesseract-amount-opinions';
import { withTesseractHeaderMarks } from './tesseract-header-marks';
import { readWithTesseract } from './tesseract-reading';

/** An uploaded image: prepared (5–10 %), then read by the reader's engines. */
export async function readImage(bytes: Buffer, format: ImageFormat, context: ReadContext): Promise<ReadText> {
  const prepared = await prepareImage(bytes, format, { maxInputPixels: context.limits.maxImagePixels });
  context.signal?.throwIfAborted();
  context.progress.report(10, 10);
  return { ...(await readPreparedImage(prepared, context)), pages: 1, source: 'ocr' };
}

/**
 * A prepared image (an upload, a scanned PDF page) read by the reader's engines. With both reading
 * the page, they read it at the same time, on their own threads, and their readings are combined;
 * with Paddle reading lines, it re-reads some of Tesseract's lines once Tesseract is done; with
 * Tesseract re-reading lines, it re-reads Paddle's header and priced lines.
 */
export async function readPreparedImage(prepared: PreparedImage, context: ReadContext): Promise<Pick<ReadText, 'text' | 'fields'>> {
  const { tesseract, paddle, combination } = context.engines;
  if (tesseract && paddle && combination === 'paddle-lines') {
    const first = await readWithTesseract(prepared, { ...context, pool: tesseract });
    return { text: first.text, fields: await withPaddleLineOpinions(first, prepared, paddle, context) };
  }
  if (tesseract && paddle && combination === 'tesseract-lines') {
    const withTesseract = { ...context, pool: tesseract };
    const page = await readPaddleLines(prepared, paddle, context);
    const marked = await withTesseractHeaderMarks(page, prepared.grey, withTesseract);
    return { text: `${readingText(marked)}\n`, fields: await withTesseractAmountOpinions(marked, prepared, withTesseract) };
  }
  const [byPaddle, byTesseract] = await Promise.all([
    paddle ? readWithPaddle(prepared, paddle, context) : null,
    tesseract ? readWithTesseract(prepared, { ...context, pool: tesseract }) : null,
  ]);
  if (byPaddle && byTesseract) {
    const fields = combineReadings(byPaddle, byTesseract, { locale: context.locale, takenOn: prepared.takenOn });
    return { text: byPaddle.text, fields };
  }
  const only = byPaddle ?? byTesseract;
  if (!only) throw new Error('the reader has no OCR engine');
  return { text: only.text, fields: only.fields };
}
