import { normalizeDecimal, toDecimalString } from '@irp/money';
import type { ExpenseSnapshot, ExpenseView } from '@irp/contracts';
import type { Expense, TaxLine } from './expense.entity';

/**
 * What a view is made of: an Expense entity, or a row of the list query read without building
 * entities (minor units and timestamps then arrive as strings).
 */
export interface ExpenseFields {
  id: string;
  userId: string;
  vendor: string;
  date: string;
  amountMinor: bigint | string;
  currency: string;
  convertedMinor: bigint | string | null;
  baseCurrency: string | null;
  fxRate: string | null;
  fxRateDate: string | null;
  fxSource: string | null;
  conversionStatus: 'converted' | 'pending';
  subtotalMinor: bigint | string | null;
  taxLines: TaxLine[];
  tipMinor: bigint | string | null;
  paymentMethod: Expense['paymentMethod'];
  cardLast4: string | null;
  category: { id: string; name: string };
  tags: string[];
  notes: string | null;
  status: Expense['status'];
  documentId: string | null;
  duplicateOf: Expense['duplicateOf'];
  version: number;
  createdAt: Date | string;
  updatedAt: Date | string;
}

export const isoString = (time: Date | string) => (typeof time === 'string' ? time : time.toISOString());

const decimal = (minor: bigint | string | null, currency: string) => (minor === null ? null : toDecimalString(BigInt(minor), currency));

export function toExpenseView(expense: ExpenseFields): ExpenseView {
  const converted = expense.conversionStatus === 'converted' && expense.convertedMinor !== null;
  const baseCurrency = expense.baseCurrency ?? expense.currency;
  return {
    id: expense.id,
    vendor: expense.vendor,
    date: expense.date,
    amount: toDecimalString(BigInt(expense.amountMinor), expense.currency),
    currency: expense.currency,
    converted: converted
      ? {
          amount: toDecimalString(BigInt(expense.convertedMinor as bigint | string), baseCurrency),
          currency: baseCurrency,
          rate: normalizeDecimal(expense.fxRate ?? '1'),
          rateDate: expense.fxRateDate ?? expense.date,
          source: expense.fxSource ?? 'identity',
        }
      : null,
    conversionStatus: expense.conversionStatus,
    subtotal: decimal(expense.subtotalMinor, expense.currency),
    taxLines: expense.taxLines.map((line) => ({
      rate: line.rate,
      base: decimal(line.baseMinor, expense.currency),
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
    duplicateOf: expense.duplicateOf,
    version: expense.version,
    createdAt: isoString(expense.createdAt),
    updatedAt: isoString(expense.updatedAt),
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
