import type { ExpenseView } from '@irp/contracts';

const COLUMNS = [
  'id',
  'date',
  'vendor',
  'amount',
  'currency',
  'converted_amount',
  'base_currency',
  'fx_rate',
  'fx_rate_date',
  'category',
  'tags',
  'status',
  'payment_method',
  'card_last4',
  'subtotal',
  'tax',
  'tip',
  'notes',
  'document_id',
  'created_at',
  'updated_at',
] as const;

/**
 * One RFC 4180 field: quoted when it holds a comma, quote or line break (quotes doubled). Text
 * starting with = + - @ is prefixed with ' so spreadsheets never run it as a formula.
 */
export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_HEADER = `${COLUMNS.join(',')}\r\n`;

function taxTotal(expense: ExpenseView): string | null {
  if (expense.taxLines.length === 0) return null;
  return expense.taxLines.map((line) => `${line.label} ${line.rate}%: ${line.amount}`).join('; ');
}

export function csvRow(expense: ExpenseView): string {
  const fields: Record<(typeof COLUMNS)[number], string | null> = {
    id: expense.id,
    date: expense.date,
    vendor: expense.vendor,
    amount: expense.amount,
    currency: expense.currency,
    converted_amount: expense.converted?.amount ?? null,
    base_currency: expense.converted?.currency ?? null,
    fx_rate: expense.converted?.rate ?? null,
    fx_rate_date: expense.converted?.rateDate ?? null,
    category: expense.category.name,
    tags: expense.tags.join(';'),
    status: expense.status,
    payment_method: expense.paymentMethod,
    card_last4: expense.cardLast4,
    subtotal: expense.subtotal,
    tax: taxTotal(expense),
    tip: expense.tip,
    notes: expense.notes,
    document_id: expense.documentId,
    created_at: expense.createdAt,
    updated_at: expense.updatedAt,
  };
  return `${COLUMNS.map((column) => csvField(fields[column])).join(',')}\r\n`;
}
