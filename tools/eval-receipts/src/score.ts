import type { ExtractedFields } from '@irp/contracts';
import type { GroundTruth } from './dataset';

export const SCORED_FIELDS = ['company', 'date', 'address', 'total'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

/** Per field: true/false when the ground truth has a value, null when it has none (not scored). */
export type FieldScores = Record<ScoredField, boolean | null>;

export interface ScoreOptions {
  monthFirst: boolean;
}

/**
 * Compares after normalising as a product would: totals as numbers ("RM 9.00" == "9"), dates as
 * calendar dates ("25/12/2018" == 2018-12-25), company and address ignoring case and white space.
 */
export function scoreFields(fields: ExtractedFields, truth: GroundTruth, options: ScoreOptions): FieldScores {
  return {
    company: compare(truth.company, fields.vendorName?.value, normaliseText),
    address: compare(truth.address, fields.vendorAddress?.value, normaliseText),
    total: compare(truth.total, fields.total?.value, normaliseAmount),
    date: compare(truth.date, fields.date?.value, (text) => normaliseDate(text, options.monthFirst)),
  };
}

function compare(truth: string | null, extracted: string | undefined, normalise: (text: string) => string | null): boolean | null {
  if (truth === null) return null;
  const expected = normalise(truth);
  if (expected === null) return null;
  return extracted !== undefined && normalise(extracted) === expected;
}

export function normaliseText(text: string): string {
  return text.toUpperCase().replace(/\s+/g, '');
}

/** "RM 1,234.50" → "1234.5"; null when there is no number. */
export function normaliseAmount(text: string): string | null {
  const match = /-?\d[\d,]*(?:\.\d+)?/.exec(text.replace(/\s/g, ''));
  if (!match) return null;
  const value = Number(match[0].replace(/,/g, ''));
  return Number.isFinite(value) ? String(value) : null;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** A ground-truth or extracted date as YYYY-MM-DD; day first unless `monthFirst`. */
export function normaliseDate(text: string, monthFirst: boolean): string | null {
  const upper = text.trim().toUpperCase();
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(upper);
  if (match) return iso(+match[1], +match[2], +match[3]);
  match = /^(\d{1,2})[-/. ]+([A-Z]{3})[A-Z]*[-/. ,]+(\d{2,4})/.exec(upper);
  if (match) return iso(year(match[3]), MONTHS.indexOf(match[2]) + 1, +match[1]);
  match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})/.exec(upper);
  if (match) return monthFirst ? iso(year(match[3]), +match[1], +match[2]) : iso(year(match[3]), +match[2], +match[1]);
  match = /^(\d{8})$/.exec(upper);
  if (match) {
    const digits = match[1];
    if (/^(19|20)/.test(digits)) return iso(+digits.slice(0, 4), +digits.slice(4, 6), +digits.slice(6));
    return monthFirst
      ? iso(+digits.slice(4), +digits.slice(0, 2), +digits.slice(2, 4))
      : iso(+digits.slice(4), +digits.slice(2, 4), +digits.slice(0, 2));
  }
  return null;
}

function year(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
