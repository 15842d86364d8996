import { normalizeDecimal, toDecimalString } from '@irp/money';
import type { ExpenseSnapshot, ExpenseView } from '@irp/contracts';
import type { Expense } from './expense.entity';

const decimal = (minor: bigint | null, currency: string) => (minor === null ? null : toDecimalString(minor, currency));

export function toExpenseView(expense: Expense): ExpenseView {
  const conversion = expense.conversion;
  return {
    id: expense.id,
    vendor: expense.vendor,
    date: expense.date,
    amount: toDecimalString(expense.amountMinor, expense.currency),
    currency: expense.currency,
    converted: conversion && {
      amount: toDecimalString(conversion.amountMinor, conversion.currency),
      currency: conversion.currency,
      rate: normalizeDecimal(conversion.rate),
      rateDate: conversion.rateDate,
      source: conversion.source,
    },
    conversionStatus: expense.conversionStatus,
    subtotal: decimal(expense.subtotalMinor, expense.currency),
    taxLines: expense.taxLines.map((line) => ({
      rate: line.rate,
      base: line.baseMinor === null ? null : toDecimalString(BigInt(line.baseMinor), expense.currency),
      amount: toDecimalString(BigInt(line.amountMinor), expense.currency),
      label: line.label,
    })),
    tip: decimal(expense.tipMinor, expense.currency),
    paymentMethod: expense.paymentMethod,
    cardLast4: expense.cardLast4,
    category: { id: expense.category.id, name: expense.category.name },
    tags: expense.tags,
    notes: expense.notes,
    status: expense.status,
    documentId: expense.documentId,
    version: expense.version,
    createdAt: expense.createdAt.toISOString(),
    updatedAt: expense.updatedAt.toISOString(),
  };
}

export function toExpenseSnapshot(expense: Expense): ExpenseSnapshot {
  return {
    ...toExpenseView(expense),
    userId: expense.userId,
    amountMinor: expense.amountMinor.toString(),
    convertedAmountMinor: expense.conversion?.amountMinor.toString() ?? null,
  };
}
