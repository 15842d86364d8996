import type { ExtractedFields } from '@irp/contracts';
import { dateLines, totalLines } from '../extract/field-lines';
import { mergeFields } from '../extract/merge-fields';
import type { PreparedImage } from '../image/prepare-image';
import type { PaddlePool } from '../paddle/paddle-pool';
import { headerLinesToReread } from './header-lines';
import { readingFields, readingText } from './ocr-reading';
import type { ReadContext } from './read-context';
import type { EngineReading } from './tesseract-reading';

/**
 * Tesseract's reading with Paddle's second opinion on the lines that carry the scored fields, read
 * in Tesseract's line boxes (no detection, a fraction of a page's work): its readings of the total
 * and date lines compete with Tesseract's as alternatives, and its header (name, address) is
 * merged with Tesseract's by agreement and confidence.
 */
export async function withPaddleLineOpinions(first: EngineReading, prepared: PreparedImage, pool: PaddlePool, context: Pick<ReadContext, 'locale' | 'signal'>): Promise<ExtractedFields> {
  const { reading } = first;
  const text = readingText(reading);
  const header = Array.from({ length: headerLinesToReread(text) }, (_, i) => i);
  const indexes = [...new Set([...header, ...totalLines(text), ...dateLines(text)])];
  if (indexes.length === 0) return first.fields;
  const page = await pool.readRegions(prepared.grey, indexes.map((index) => reading.lines[index].box), context.signal);
  const byIndex = new Map(indexes.map((index, i) => [index, page.lines[i]]));
  const options = { locale: context.locale, takenOn: prepared.takenOn };

  const alternatives = new Map(reading.alternatives);
  for (const [index, line] of byIndex) if (line.text && !header.includes(index)) alternatives.set(index, [...(alternatives.get(index) ?? []), line.text]);
  const voted = readingFields({ ...reading, alternatives }, options);

  const lines = reading.lines.map((line, index) => (header.includes(index) && byIndex.get(index)?.text ? { ...line, text: byIndex.get(index)?.text ?? line.text } : line));
  const paddleHeader = readingFields({ ...reading, lines, alternatives: new Map() }, options);
  const merged = mergeFields(first.fields, paddleHeader);
  return { ...mergeFields(first.fields, voted), vendorName: merged.vendorName, vendorAddress: merged.vendorAddress };
}
