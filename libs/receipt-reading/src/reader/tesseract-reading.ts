import type { ExtractedFields } from '@irp/contracts';
import { dateLines, totalLines } from '../extract/field-lines';
import type { PreparedImage } from '../image/prepare-image';
import { withHeaderLinesReread } from './header-lines';
import { withHeaderReread } from './header-reread';
import { readingFields, readingText, toReading, type OcrReading } from './ocr-reading';
import type { TesseractContext } from './read-context';
import { withSecondOpinions, type LinesToRecheck } from './second-opinion';

/** Below these, a first reading's total (not confirmed by arithmetic), date or vendor is worth a second look. */
const CONFIRMED_TOTAL = 0.8;
const CONFIDENT_DATE = 0.95;
const CONFIDENT_VENDOR = 0.55;

export interface EngineReading {
  /** The page's text as the engine read it. */
  text: string;
  reading: OcrReading;
  fields: ExtractedFields;
}

/**
 * A prepared image read by Tesseract as one block of text (10–55 %), its header lines re-read one
 * at a time (55–60 %), then, only for the fields the first reading is unsure of: the total and
 * date lines re-read by the legacy engine and the date lines alone by the LSTM, readings that
 * compete with the first ones (60–75 %), and the header re-read alone with column segmentation (75–95 %).
 */
export async function readWithTesseract(prepared: PreparedImage, context: TesseractContext): Promise<EngineReading> {
  const page = await context.pool.recognize(prepared.pgm, { signal: context.signal, onProgress: context.progress.span(10, 55) });
  let reading = await withHeaderLinesReread(toReading(page), prepared.grey, context);
  context.progress.report(55, 60);
  const extractOptions = { locale: context.locale, takenOn: prepared.takenOn };
  let fields = readingFields(reading, extractOptions);
  const recheck = linesToRecheck(fields, readingText(reading), context.pool.hasLegacy);
  if (recheck.legacy.length + recheck.alone.length > 0) {
    reading = await withSecondOpinions(reading, recheck, prepared.grey, context);
    fields = readingFields(reading, extractOptions);
  }
  context.progress.report(60, 75);
  if ((fields.vendorName?.confidence ?? 0) < CONFIDENT_VENDOR) {
    fields = await withHeaderReread(fields, reading, prepared.grey, context, context.progress.span(75, 95));
  }
  return { text: page.text, reading, fields };
}

function linesToRecheck(fields: ExtractedFields, text: string, hasLegacy: boolean): LinesToRecheck {
  const totals = (fields.total?.confidence ?? 0) < CONFIRMED_TOTAL ? totalLines(text) : [];
  const dates = (fields.date?.confidence ?? 0) < CONFIDENT_DATE ? dateLines(text) : [];
  return { legacy: hasLegacy ? [...new Set([...totals, ...dates])] : [], alone: dates };
}
