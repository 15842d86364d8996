import { randomUUID } from 'node:crypto';
import type { ExpenseSnapshot } from '@irp/contracts';
import { toDecimalString } from '@irp/money';

export const MEALS = { id: '00000000-0000-4000-8000-00000000000a', name: 'meals' };
export const TRAVEL = { id: '00000000-0000-4000-8000-00000000000b', name: 'travel' };

export const today = () => new Date().toISOString().slice(0, 10);

/** An expense as the expenses service's events carry it, in EUR unless told; `converted: null` is pending. */
export function expenseSnapshot(userId: string, fields: { amountMinor?: number; converted?: number | null; category?: { id: string; name: string }; tags?: string[]; date?: string; version?: number; id?: string } = {}): ExpenseSnapshot {
  const amountMinor = fields.amountMinor ?? 1000;
  const converted = fields.converted === undefined ? amountMinor : fields.converted;
  const now = new Date().toISOString();
  return {
    id: fields.id ?? randomUUID(),
    userId,
    vendor: 'Cafe X',
    date: fields.date ?? today(),
    amount: toDecimalString(BigInt(amountMinor), 'EUR'),
    currency: 'EUR',
    amountMinor: String(amountMinor),
    converted: converted === null ? null : { amount: toDecimalString(BigInt(converted), 'EUR'), currency: 'EUR', rate: '1', rateDate: fields.date ?? today(), source: 'identity' },
    convertedAmountMinor: converted === null ? null : String(converted),
    conversionStatus: converted === null ? 'pending' : 'converted',
    subtotal: null,
    taxLines: [],
    tip: null,
    paymentMethod: null,
    cardLast4: null,
    category: fields.category ?? MEALS,
    tags: fields.tags ?? [],
    notes: null,
    status: 'confirmed',
    documentId: null,
    duplicateOf: null,
    version: fields.version ?? 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** The next version of an expense with some fields changed. */
export function changed(expense: ExpenseSnapshot, fields: NonNullable<Parameters<typeof expenseSnapshot>[1]>): ExpenseSnapshot {
  return expenseSnapshot(expense.userId, {
    id: expense.id,
    amountMinor: Number(expense.amountMinor),
    // An amount change in the base currency converts at the identity rate.
    converted: expense.convertedAmountMinor === null ? null : (fields.amountMinor ?? Number(expense.convertedAmountMinor)),
    category: expense.category,
    tags: expense.tags,
    date: expense.date,
    version: expense.version + 1,
    ...fields,
  });
}
