import type { ExtractedFields } from '@irp/contracts';
import { mergeFields } from '../extract/merge-fields';
import type { OcrLine } from '../ocr/ocr-pool';
import { readingFields, type OcrReading } from './ocr-reading';
import type { EngineReading } from './tesseract-reading';

/**
 * Two engines' readings of one page combined. Line by line, each engine's reading of a line
 * becomes an alternative of the other's (the extractor votes on a total or date over a line's
 * readings); field by field, the two results are merged by agreement and confidence, the first
 * engine's winning ties.
 */
export function combineReadings(first: EngineReading, second: EngineReading, options: { locale?: string; takenOn?: string | null }): ExtractedFields {
  const firstFields = readingFields(withAlternativesFrom(first.reading, second.reading), options);
  const secondFields = mergeFields(second.fields, readingFields(withAlternativesFrom(second.reading, first.reading), options));
  return mergeFields(firstFields, secondFields);
}

/** `reading` with, for each of its lines, the text of the other reading's lines at the same height. */
export function withAlternativesFrom(reading: OcrReading, other: OcrReading): OcrReading {
  const alternatives = new Map(reading.alternatives);
  reading.lines.forEach((line, index) => {
    const matching = other.lines.filter((candidate) => sameLine(line, candidate)).map((candidate) => candidate.text);
    if (matching.length > 0) alternatives.set(index, [...(alternatives.get(index) ?? []), matching.join(' ')]);
  });
  return { ...reading, alternatives };
}

/** Two readings of one printed line: each one's vertical centre lies within the other's box. */
function sameLine(a: OcrLine, b: OcrLine): boolean {
  const within = (line: OcrLine, y: number) => y >= line.box.top && y <= line.box.top + line.box.height;
  return within(a, b.box.top + b.box.height / 2) && within(b, a.box.top + a.box.height / 2);
}
