import type { ExtractedFields } from '@irp/contracts';
import { totalLines } from '../extract/field-lines';
import type { PreparedImage } from '../image/prepare-image';
import { rereadLine } from './line-reread';
import { readingFields, readingText, type OcrReading } from './ocr-reading';
import type { TesseractContext } from './read-context';

/** A price: digits, a decimal separator, two digits. */
const AMOUNT = /\d[.,]\d\d(?!\d)/;
/** A currency symbol other than `$`, the one Paddle's dictionary has. */
const SYMBOL_PADDLE_LACKS = /(?!\$)\p{Sc}/u;
/** Bounds the re-reads (about 30–60 ms each): the total lines first, then the lowest priced lines. */
const MAX_LINES = 6;

/**
 * Paddle's reading with Tesseract's second opinion on its priced lines, each re-read alone in
 * Paddle's line box. Paddle's English recogniser has no currency symbol but `$` (£ reads as "f",
 * € not at all): where Tesseract reads one, its reading becomes the line's text (Paddle's the
 * alternative), so the extractor sees the currency and the amount; elsewhere Tesseract's reading
 * competes with Paddle's as an alternative (the extractor votes on the total).
 */
export async function withTesseractAmountOpinions(reading: OcrReading, prepared: PreparedImage, context: TesseractContext): Promise<ExtractedFields> {
  const options = { locale: context.locale, takenOn: prepared.takenOn };
  const totals = totalLines(readingText(reading));
  const priced = reading.lines.map((line, index) => (AMOUNT.test(line.text) ? index : -1)).filter((index) => index >= 0 && !totals.includes(index));
  const indexes = [...totals, ...priced.reverse()].slice(0, MAX_LINES);
  if (indexes.length === 0) return readingFields(reading, options);
  const opinions = await Promise.all(indexes.map((index) => rereadLine(reading.lines[index], prepared.grey, context)));

  const lines = [...reading.lines];
  const alternatives = new Map(reading.alternatives);
  indexes.forEach((index, i) => {
    const opinion = opinions[i].text;
    if (!opinion) return;
    const other = SYMBOL_PADDLE_LACKS.test(opinion) ? lines[index].text : opinion;
    if (other !== opinion) lines[index] = { ...lines[index], text: opinion };
    alternatives.set(index, [...(alternatives.get(index) ?? []), other]);
  });
  return readingFields({ ...reading, lines, alternatives }, options);
}
