import type { ExtractedFields } from '@irp/contracts';
import { PSM } from 'tesseract.js';
import { headerLineCount } from '../extract/field-lines';
import { mergeFields } from '../extract/merge-fields';
import { cropRegion } from '../image/crop-region';
import type { GreyImage } from '../image/grey-image';
import type { TesseractContext } from './read-context';
import { readingFields, readingText, toReading, type OcrReading } from './ocr-reading';

/** Kept below the header's last line, in pixels. */
const MARGIN = 8;

/**
 * The header (name, address) read again alone with column segmentation, which keeps large or
 * spaced titles that the one-block first reading mangles or drops; the two readings' name and
 * address are merged by agreement and confidence.
 */
export async function withHeaderReread(fields: ExtractedFields, reading: OcrReading, image: GreyImage, context: TesseractContext, onProgress: (fraction: number) => void): Promise<ExtractedFields> {
  const count = headerLineCount(readingText(reading));
  if (count === 0) return fields;
  const last = reading.lines[count - 1].box;
  const region = { left: 0, top: 0, width: image.width, height: Math.min(image.height, last.top + last.height + MARGIN) };
  const crop = await cropRegion(image, region, { padding: 0, scale: 1 });
  const page = await context.pool.recognize(crop, { pageSegmentationMode: PSM.SINGLE_COLUMN, signal: context.signal, onProgress });
  const header = toReading(page);
  const reread = readingFields({ lines: [...header.lines, ...reading.lines.slice(count)], alternatives: new Map() }, { locale: context.locale });
  const merged = mergeFields(fields, reread);
  return { ...fields, vendorName: merged.vendorName, vendorAddress: merged.vendorAddress };
}
