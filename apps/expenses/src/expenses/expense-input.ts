import { AmountError, toDecimalString, toMinorUnits } from '@irp/money';
import type { TaxLineBody } from '@irp/contracts';
import { ExpensesErrors } from './expenses.errors';
import type { TaxLine } from './expense.entity';

/** Decimal string → minor units of `currency`, or a VALIDATION error naming the field. */
export function minorUnits(field: string, decimal: string, currency: string): bigint {
  try {
    return toMinorUnits(decimal, currency);
  } catch (error) {
    if (error instanceof AmountError) throw ExpensesErrors.invalidField(field, `${field}: ${error.message}`);
    throw error;
  }
}

export function optionalMinorUnits(field: string, decimal: string | null | undefined, currency: string): bigint | null {
  return decimal === null || decimal === undefined ? null : minorUnits(field, decimal, currency);
}

export function taxLinesFrom(lines: TaxLineBody[] | undefined, currency: string): TaxLine[] {
  return (lines ?? []).map((line, index) => ({
    rate: line.rate,
    baseMinor: optionalMinorUnits(`taxLines.${index}.base`, line.base, currency)?.toString() ?? null,
    amountMinor: minorUnits(`taxLines.${index}.amount`, line.amount, currency).toString(),
    label: line.label.trim(),
  }));
}

/** Tax lines re-expressed in another currency: same decimal values ("1.50" stays "1.50"). */
export function rescaleTaxLines(lines: TaxLine[], from: string, to: string): TaxLine[] {
  const rescale = (field: string, minor: string) => minorUnits(field, toDecimalString(BigInt(minor), from), to).toString();
  return lines.map((line, index) => ({
    ...line,
    baseMinor: line.baseMinor === null ? null : rescale(`taxLines.${index}.base`, line.baseMinor),
    amountMinor: rescale(`taxLines.${index}.amount`, line.amountMinor),
  }));
}

/** Trimmed, without empties or repeats, in the order given. */
export function cleanTags(tags: string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((tag) => tag.trim()).filter(Boolean))];
}
