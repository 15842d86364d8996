import { SCORED_FIELDS, type ScoredField } from './score';
import type { DocumentResult } from './evaluate';

export interface FieldAccuracy {
  correct: number;
  scored: number;
  accuracy: number;
}

export interface Summary {
  n: number;
  fields: Record<ScoredField, FieldAccuracy>;
  medianSeconds: number | null;
  peakRssMb: number;
  errors: number;
}

export function summarise(results: readonly DocumentResult[]): Summary {
  const fields = Object.fromEntries(
    SCORED_FIELDS.map((field) => {
      const scored = results.filter((r) => r.scores[field] !== null);
      const correct = scored.filter((r) => r.scores[field] === true).length;
      return [field, { correct, scored: scored.length, accuracy: scored.length ? round(correct / scored.length, 3) : 0 }];
    }),
  ) as Record<ScoredField, FieldAccuracy>;
  const seconds = results.map((r) => r.seconds).filter((s): s is number => s !== null);
  return {
    n: results.length,
    fields,
    medianSeconds: seconds.length ? round(median(seconds), 2) : null,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    errors: results.filter((r) => r.error !== null).length,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

/** The JSON line: `{ n, accuracy: { company, date, address, total }, medianSeconds, peakRssMb, speedup? }`. */
export function toJson(summary: Summary, speedup?: number): string {
  const accuracy = Object.fromEntries(SCORED_FIELDS.map((field) => [field, summary.fields[field].accuracy]));
  return JSON.stringify({ n: summary.n, accuracy, medianSeconds: summary.medianSeconds, peakRssMb: summary.peakRssMb, ...(speedup !== undefined && { speedup }) });
}

export function toText(summary: Summary, title: string): string {
  const lines = [title];
  for (const field of SCORED_FIELDS) {
    const { correct, scored, accuracy } = summary.fields[field];
    lines.push(`${field.padEnd(8)} ${(accuracy * 100).toFixed(1).padStart(5)}%  (${correct}/${scored})`);
  }
  if (summary.medianSeconds !== null) lines.push(`median   ${summary.medianSeconds.toFixed(2)} s/document`);
  lines.push(`peak RSS ${summary.peakRssMb} MB`);
  if (summary.errors > 0) lines.push(`errors   ${summary.errors} document(s) could not be read`);
  return lines.join('\n');
}
