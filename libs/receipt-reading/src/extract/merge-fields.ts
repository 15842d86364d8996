import type { ExtractedFields } from '@irp/contracts';

type ScalarKey = {
  [K in keyof ExtractedFields]: ExtractedFields[K] extends { value: string; confidence: number } | null ? K : never;
}[keyof ExtractedFields];

const SCALAR_KEYS: readonly ScalarKey[] = [
  'vendorName', 'vendorAddress', 'vendorPhone', 'vendorTaxId', 'date', 'total', 'subtotal', 'tip', 'currency', 'paymentMethod', 'cardLast4', 'documentNumber',
];

/** When two readings agree, the value is surer than either alone. */
const AGREEMENT_BONUS = 0.1;

/**
 * Combines the fields of two readings of one document (two OCR passes): per field, the value with
 * the most confidence summed over the readings that found it, so agreement wins over a lone
 * guess. Tax lines and items come with the total they add up to.
 */
export function mergeFields(first: ExtractedFields, second: ExtractedFields): ExtractedFields {
  const merged: ExtractedFields = { ...first };
  for (const key of SCALAR_KEYS) {
    const choice = choose(first[key], second[key]);
    (merged as unknown as Record<ScalarKey, unknown>)[key] = choice;
  }
  const totalFromSecond = merged.total !== null && first.total?.value !== merged.total.value && second.total?.value === merged.total.value;
  if ((totalFromSecond || first.taxLines.length === 0) && second.taxLines.length > 0) merged.taxLines = second.taxLines;
  if ((totalFromSecond || first.lineItems.length === 0) && second.lineItems.length > 0) merged.lineItems = second.lineItems;
  return merged;
}

function choose<T extends { value: string; confidence: number }>(a: T | null, b: T | null): T | null {
  if (!a || !b) return a ?? b;
  if (normalise(a.value) === normalise(b.value)) {
    const better = a.confidence >= b.confidence ? a : b;
    return { ...better, confidence: Math.min(0.99, Number((Math.max(a.confidence, b.confidence) + AGREEMENT_BONUS).toFixed(2))) };
  }
  return b.confidence > a.confidence ? b : a;
}

function normalise(value: string): string {
  return value.toUpperCase().replace(/\s+/g, '');
}
