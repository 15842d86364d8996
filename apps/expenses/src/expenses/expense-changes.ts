import { Injectable } from '@nestjs/common';
import type { UpdateExpenseBody } from '@irp/contracts';
import { toDecimalString } from '@irp/money';
import { CategoriesService } from '../categories/categories.service';
import { ExpenseBuilder } from './expense-builder';
import type { Expense } from './expense.entity';
import { cleanTags, minorUnits, optionalMinorUnits, rescaleTaxLines, taxLinesFrom } from './expense-input';

const withBigints = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a, withBigints) === JSON.stringify(b, withBigints);

/** Applies a PATCH to an expense. */
@Injectable()
export class ExpenseChanges {
  constructor(
    private readonly categories: CategoriesService,
    private readonly builder: ExpenseBuilder,
  ) {}

  /** Returns the names of the fields that really changed (`converted` when the conversion did). */
  async apply(expense: Expense, changes: UpdateExpenseBody): Promise<string[]> {
    const changed = new Set<string>();
    const set = <K extends keyof Expense>(field: string, key: K, value: Expense[K]) => {
      if (sameValue(expense[key], value)) return;
      expense[key] = value;
      changed.add(field);
    };
    const from = expense.currency;
    const to = changes.currency ?? from;
    // Money fields not in the PATCH keep their decimal value in the new currency ("12.34" stays "12.34").
    const money = (field: string, given: string | null | undefined, current: bigint | null) =>
      given !== undefined ? optionalMinorUnits(field, given, to) : current === null ? null : minorUnits(field, toDecimalString(current, from), to);

    if (changes.vendor !== undefined && changes.vendor.trim() !== expense.vendor) {
      expense.setVendor(changes.vendor);
      changed.add('vendor');
    }
    if (changes.date !== undefined) set('date', 'date', changes.date);
    set('currency', 'currency', to);
    set('amount', 'amountMinor', money('amount', changes.amount, expense.amountMinor) as bigint);
    set('subtotal', 'subtotalMinor', money('subtotal', changes.subtotal, expense.subtotalMinor));
    set('tip', 'tipMinor', money('tip', changes.tip, expense.tipMinor));
    if (changes.taxLines !== undefined) set('taxLines', 'taxLines', taxLinesFrom(changes.taxLines, to));
    else if (to !== from) set('taxLines', 'taxLines', rescaleTaxLines(expense.taxLines, from, to));
    if (changes.paymentMethod !== undefined) set('paymentMethod', 'paymentMethod', changes.paymentMethod);
    if (changes.cardLast4 !== undefined) set('cardLast4', 'cardLast4', changes.cardLast4);
    if (changes.tags !== undefined) set('tags', 'tags', cleanTags(changes.tags));
    if (changes.notes !== undefined) set('notes', 'notes', changes.notes);
    if (changes.status !== undefined) set('status', 'status', changes.status);
    if (changes.documentId !== undefined) set('documentId', 'documentId', await this.builder.ownDocument(expense.userId, changes.documentId));
    if (changes.duplicateOf === null) set('duplicateOf', 'duplicateOf', null);
    if (changes.category !== undefined) {
      const category = await this.categories.resolve(expense.userId, changes.category);
      if (category.id !== expense.category.id) {
        expense.category = category;
        changed.add('category');
      }
    }
    if (['amount', 'currency', 'date'].some((field) => changed.has(field))) {
      const before = expense.conversion;
      await this.builder.convert(expense);
      if (!sameValue(before, expense.conversion)) changed.add('converted');
    }
    return [...changed];
  }
}
