import { Injectable } from '@nestjs/common';
import { PERCENT, type ExpenseSnapshot } from '@irp/contracts';
import { assertOwner } from '@irp/messaging';
import type { StoredTaxLine } from './expense-tax.entity';
import { ExpenseTaxRepository, type ExpenseTaxFields } from './expense-tax.repository';
import { minorUnitsOf } from './minor-units';

/** The projection's row for an expense as an event shows it. */
export function projectionOf(expense: ExpenseSnapshot, deleted: boolean): ExpenseTaxFields {
  const taxLines: StoredTaxLine[] = expense.taxLines.map((line) => {
    // The ledger validates rates; one that is no percentage would break every report: refused here (dead-lettered).
    if (!PERCENT.test(line.rate)) throw new Error(`expense ${expense.id} has a tax rate that is no percentage`);
    return {
      rate: line.rate,
      baseMinor: line.base === null ? null : minorUnitsOf(line.base, expense.currency).toString(),
      amountMinor: minorUnitsOf(line.amount, expense.currency).toString(),
      label: line.label,
    };
  });
  return {
    id: expense.id,
    userId: expense.userId,
    version: expense.version,
    deleted,
    date: expense.date,
    vendor: expense.vendor,
    category: expense.category.name.toLowerCase(),
    status: expense.status,
    currency: expense.currency,
    amountMinor: expense.amountMinor,
    convertedMinor: expense.converted ? expense.convertedAmountMinor : null,
    baseCurrency: expense.converted?.currency ?? null,
    fxRate: expense.converted?.rate ?? null,
    fxRateDate: expense.converted?.rateDate ?? null,
    fxSource: expense.converted?.source ?? null,
    documentId: expense.documentId,
    taxLines,
  };
}

/** Applies expense events to the projection; an event about another user's expense is refused (dead-lettered). */
@Injectable()
export class ExpenseEventsApplier {
  constructor(private readonly projection: ExpenseTaxRepository) {}

  async apply(event: { subject: { userId: string } }, expense: ExpenseSnapshot, deleted: boolean): Promise<void> {
    assertOwner(event, expense.userId, `expense ${expense.id}`);
    const owner = await this.projection.ownerOf(expense.id);
    if (owner) assertOwner(event, owner, `expense ${expense.id}`);
    await this.projection.apply(projectionOf(expense, deleted));
  }
}
