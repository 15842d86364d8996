import type { ExtractedFields } from '@irp/contracts';
import { PSM } from 'tesseract.js';
import type { ImageFormat } from '../detect-document-type';
import { extractFields } from '../extract/extract-fields';
import { mergeFields } from '../extract/merge-fields';
import { prepareImage, preparePixels, type PreparedImage } from '../image/prepare-image';
import type { OcrPool } from '../ocr/ocr-pool';
import type { Progress } from './progress';
import type { ReadLimits, ReadText } from './read-options';

export interface ImageReadContext {
  pool: OcrPool;
  limits: ReadLimits;
  progress: Progress;
  locale?: string;
  signal?: AbortSignal;
}

/** Below these, a first reading's total or vendor is worth a second pass. */
const CONFIRMED_TOTAL = 0.8;
const CONFIDENT_VENDOR = 0.55;
const CONFIDENT_DATE = 0.75;

/**
 * An uploaded image: prepared (5–10 %), read as one block of text (10–60 %), and when the total is
 * not confirmed by the receipt's arithmetic, or the vendor or date is unsure, read again with
 * automatic column segmentation (60–95 %), which reads other receipts well; the two readings'
 * fields are merged by agreement and confidence.
 */
export async function readImage(bytes: Buffer, format: ImageFormat, context: ImageReadContext): Promise<ReadText> {
  const prepared = await prepareImage(bytes, format, { maxInputPixels: context.limits.maxImagePixels });
  context.signal?.throwIfAborted();
  context.progress.report(10, 10);
  const text = await recognise(prepared, context, 10, 60);
  const fields = extractFields(text, { locale: context.locale });
  if (!needsSecondReading(fields)) return { text, pages: 1, source: 'ocr', fields };
  const second = await recognise(prepared, context, 60, 95, PSM.SINGLE_COLUMN);
  return { text, pages: 1, source: 'ocr', fields: mergeFields(fields, extractFields(second, { locale: context.locale })) };
}

function needsSecondReading(fields: ExtractedFields): boolean {
  return (
    (fields.total?.confidence ?? 0) < CONFIRMED_TOTAL ||
    (fields.vendorName?.confidence ?? 0) < CONFIDENT_VENDOR ||
    (fields.date?.confidence ?? 0) < CONFIDENT_DATE
  );
}

/** A rendered PDF page (RGBA pixels), recognised between `from` and `to` percent. */
export async function readRenderedPage(
  page: { data: Uint8Array; width: number; height: number },
  context: ImageReadContext,
  from: number,
  to: number,
): Promise<string> {
  const prepared = await preparePixels(page, { maxInputPixels: context.limits.maxImagePixels });
  return recognise(prepared, context, from, to);
}

async function recognise(prepared: PreparedImage, context: ImageReadContext, from: number, to: number, pageSegmentationMode?: PSM): Promise<string> {
  const page = await context.pool.recognize(prepared.pgm, { signal: context.signal, onProgress: context.progress.span(from, to), pageSegmentationMode });
  return page.text;
}
