import type { ExtractedFields } from '@irp/contracts';
import { extractFields, type ExtractOptions } from '../extract/extract-fields';
import type { OcrLine, OcrPage } from '../ocr/ocr-pool';

/**
 * An OCR'd page as the extractor reads it: its non-empty lines (one text line each, so that line
 * indexes agree with the extractor's), and other engines' readings of some of them.
 */
export interface OcrReading {
  lines: readonly OcrLine[];
  alternatives: ReadonlyMap<number, readonly string[]>;
  /**
   * Lines the LSTM already read twice, in the page and alone at one text size: the reading not kept
   * as the line's text. It is the line's other LSTM opinion, so the line is not read alone again.
   */
  otherLstmReading?: ReadonlyMap<number, string>;
}

export function toReading(page: OcrPage): OcrReading {
  return { lines: page.lines.filter((line) => line.text.replace(/[\s\u00a0]+/g, '') !== ''), alternatives: new Map() };
}

export function readingText(reading: OcrReading): string {
  return reading.lines.map((line) => line.text.replace(/[\s\u00a0]+/g, ' ')).join('\n');
}

export function readingFields(reading: OcrReading, options: Pick<ExtractOptions, 'locale' | 'takenOn'>): ExtractedFields {
  const ocrLines = reading.lines.map((_, index) => ({ alternatives: reading.alternatives.get(index) }));
  return extractFields(readingText(reading), { ...options, ocrLines });
}
