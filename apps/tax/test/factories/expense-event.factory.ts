import { randomUUID } from 'node:crypto';
import { SUBJECTS, type ExpenseSnapshot, type TaxLineView } from '@irp/contracts';
import { toMinorUnits } from '@irp/money';

export interface ExpenseFixture {
  category: string;
  amount: string;
  currency?: string;
  date?: string;
  taxLines?: Partial<TaxLineView>[];
  /** Base currency and the converted amount; null: conversion pending. Default: the expense's own currency. */
  converted?: { currency: string; amount: string; rate: string; rateDate: string; source: string } | null;
  documentId?: string | null;
  status?: ExpenseSnapshot['status'];
  vendor?: string;
  id?: string;
  version?: number;
}

/** An expense as the expense events carry it. */
export function anExpenseSnapshot(userId: string, fixture: ExpenseFixture): ExpenseSnapshot {
  const currency = fixture.currency ?? 'EUR';
  const converted = fixture.converted === undefined ? { currency, amount: fixture.amount, rate: '1', rateDate: fixture.date ?? '2025-06-01', source: 'identity' } : fixture.converted;
  const now = new Date().toISOString();
  return {
    id: fixture.id ?? randomUUID(),
    userId,
    vendor: fixture.vendor ?? 'Vendor',
    date: fixture.date ?? '2025-06-01',
    amount: fixture.amount,
    amountMinor: toMinorUnits(fixture.amount, currency).toString(),
    currency,
    converted,
    convertedAmountMinor: converted ? toMinorUnits(converted.amount, converted.currency).toString() : null,
    conversionStatus: converted ? 'converted' : 'pending',
    subtotal: null,
    taxLines: (fixture.taxLines ?? []).map((line) => ({ rate: '0', base: null, amount: '0', label: 'VAT', ...line })),
    tip: null,
    paymentMethod: null,
    cardLast4: null,
    category: { id: randomUUID(), name: fixture.category },
    tags: [],
    notes: null,
    status: fixture.status ?? 'confirmed',
    documentId: fixture.documentId === undefined ? randomUUID() : fixture.documentId,
    duplicateOf: null,
    version: fixture.version ?? 1,
    createdAt: now,
    updatedAt: now,
  };
}

export type ExpenseEventType = typeof SUBJECTS.expenseCreated | typeof SUBJECTS.expenseUpdated | typeof SUBJECTS.expenseDeleted;

/** The event that carries this state: created at version 1, updated after. */
export function eventTypeFor(expense: ExpenseSnapshot, deleted = false): ExpenseEventType {
  if (deleted) return SUBJECTS.expenseDeleted;
  return expense.version === 1 ? SUBJECTS.expenseCreated : SUBJECTS.expenseUpdated;
}
