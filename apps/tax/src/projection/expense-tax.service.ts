import { Injectable } from '@nestjs/common';
import type { ExpenseTaxLineView, ExpenseTaxView } from '@irp/contracts';
import { toDecimalString } from '@irp/money';
import { taxInGross } from '../profiles/tax-amounts';
import { TaxSettingsService } from '../settings/tax-settings.service';
import { ExpenseTaxRepository } from './expense-tax.repository';
import { ProjectionErrors } from './projection.errors';

/** One expense's tax lines as the receipt shows them (or estimated on request) and its line under the user's profile. */
@Injectable()
export class ExpenseTaxService {
  constructor(
    private readonly projection: ExpenseTaxRepository,
    private readonly settings: TaxSettingsService,
  ) {}

  async get(userId: string, expenseId: string, estimate: boolean): Promise<ExpenseTaxView> {
    const expense = await this.projection.findLive(userId, expenseId);
    if (!expense) throw ProjectionErrors.expenseNotFound();
    const effective = await this.settings.effective(userId);
    const money = (minor: bigint | string) => toDecimalString(BigInt(minor), expense.currency);
    let lines: ExpenseTaxLineView[] = expense.taxLines.map((line) => ({
      rate: line.rate,
      base: line.baseMinor === null ? null : money(line.baseMinor),
      amount: money(line.amountMinor),
      label: line.label,
      estimated: false,
    }));
    const standardRate = effective?.profile.standardRate ?? null;
    if (lines.length === 0 && estimate && standardRate !== null) {
      const tax = taxInGross(expense.amountMinor, standardRate);
      lines = [{ rate: standardRate, base: money(expense.amountMinor - tax), amount: money(tax), label: 'estimated', estimated: true }];
    }
    const rule = effective?.rules.for(expense.category);
    return { expenseId: expense.id, version: expense.version, currency: expense.currency, category: expense.category, lines, reportLine: rule?.line ?? null, deductiblePercent: rule?.deductiblePercent ?? null };
  }
}
