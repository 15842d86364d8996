import { AmountError, isCurrencyCode, toMinorUnits } from '@irp/money';
import { isCalendarDate, type CreateExpenseBody, type ExtractedFields } from '@irp/contracts';
import type { ExpenseDraft } from '../expenses/expense-draft';
import { categorise } from './categoriser';

/** Below this confidence a key field sends the expense to review. */
export const REVIEW_BELOW_CONFIDENCE = 0.6;

const fits = (decimal: string | undefined, currency: string): decimal is string => {
  if (!decimal) return false;
  try {
    toMinorUnits(decimal, currency);
    return true;
  } catch (error) {
    if (error instanceof AmountError || error instanceof RangeError) return false;
    throw error;
  }
};

/**
 * Turns what the reader extracted into an expense to file. Missing or doubtful key fields (vendor,
 * date, total, currency) get a fallback and a review reason, so the expense is never lost: it
 * waits in `needs_review` for the user.
 */
export function draftFromExtraction(fields: ExtractedFields, fallback: { currency: string; date: string }): ExpenseDraft {
  const reviewReasons: string[] = [];
  const doubt = (name: string, field: { confidence: number } | null, usable: boolean) => {
    if (!field || !usable) reviewReasons.push(`${name} not found`);
    else if (field.confidence < REVIEW_BELOW_CONFIDENCE) reviewReasons.push(`${name} uncertain`);
  };

  const currencyRead = fields.currency?.value.toUpperCase();
  const currency = currencyRead && isCurrencyCode(currencyRead) ? currencyRead : fallback.currency;
  doubt('currency', fields.currency, currency === currencyRead);

  const vendor = fields.vendorName?.value.trim().slice(0, 200) || 'Unknown vendor';
  doubt('vendor', fields.vendorName, vendor !== 'Unknown vendor');

  const dateRead = fields.date?.value;
  const date = isCalendarDate(dateRead) ? dateRead : fallback.date;
  doubt('date', fields.date, date === dateRead);

  const totalRead = fields.total?.value;
  const amount = fits(totalRead, currency) && !totalRead.startsWith('-') ? totalRead : '0';
  doubt('total', fields.total, amount === totalRead && /[1-9]/.test(amount));

  const optional = (decimal: string | undefined) => (fits(decimal, currency) && !decimal.startsWith('-') ? decimal : undefined);
  const body: CreateExpenseBody = {
    vendor,
    date,
    amount,
    currency,
    category: categorise([vendor, ...fields.lineItems.map((item) => item.description)]),
    subtotal: optional(fields.subtotal?.value),
    tip: optional(fields.tip?.value),
    taxLines: fields.taxLines
      .filter((line) => fits(line.amount, currency) && (!line.rate || /^\d{1,2}(\.\d{1,3})?$|^100(\.0{1,3})?$/.test(line.rate)))
      .slice(0, 10)
      .map((line) => ({ label: line.label.slice(0, 40) || 'tax', rate: line.rate ?? '0', amount: line.amount })),
    paymentMethod: fields.paymentMethod?.value,
    cardLast4: fields.cardLast4 && /^\d{4}$/.test(fields.cardLast4.value) ? fields.cardLast4.value : undefined,
  };
  const extracted = {
    vendor: fields.vendorName?.value ?? null,
    date: dateRead ?? null,
    amount: totalRead ?? null,
    currency: currencyRead ?? null,
    subtotal: fields.subtotal?.value ?? null,
    tip: fields.tip?.value ?? null,
    paymentMethod: fields.paymentMethod?.value ?? null,
    cardLast4: fields.cardLast4?.value ?? null,
  };
  return { body, reviewReasons, extracted };
}
