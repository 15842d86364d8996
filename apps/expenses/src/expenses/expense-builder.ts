import { Injectable } from '@nestjs/common';
import type { CreateExpenseBody } from '@irp/contracts';
import { CategoriesService } from '../categories/categories.service';
import { SettingsRepository } from '../settings/settings.repository';
import { ConversionService } from './conversion.service';
import { DocumentLinks } from './document-links';
import { Expense } from './expense.entity';
import { cleanTags, minorUnits, optionalMinorUnits, taxLinesFrom } from './expense-input';
import { ExpensesErrors } from './expenses.errors';

/** Turns a request body into a new expense (validated, categorised, converted), and what that shares with edits. */
@Injectable()
export class ExpenseBuilder {
  constructor(
    private readonly categories: CategoriesService,
    private readonly settings: SettingsRepository,
    private readonly conversions: ConversionService,
    private readonly documents: DocumentLinks,
  ) {}

  async build(userId: string, body: CreateExpenseBody): Promise<Expense> {
    const { currency } = body;
    const expense = new Expense({
      userId,
      vendor: body.vendor,
      date: body.date,
      amountMinor: minorUnits('amount', body.amount, currency),
      currency,
      category: await this.categories.resolve(userId, body.category),
    });
    expense.subtotalMinor = optionalMinorUnits('subtotal', body.subtotal, currency);
    expense.tipMinor = optionalMinorUnits('tip', body.tip, currency);
    expense.taxLines = taxLinesFrom(body.taxLines, currency);
    expense.paymentMethod = body.paymentMethod ?? null;
    expense.cardLast4 = body.cardLast4 ?? null;
    expense.tags = cleanTags(body.tags);
    expense.notes = body.notes ?? null;
    expense.status = body.status ?? 'confirmed';
    expense.documentId = await this.ownDocument(userId, body.documentId ?? null);
    await this.convert(expense);
    return expense;
  }

  /** An expense may point only to a document of its own user. */
  async ownDocument(userId: string, documentId: string | null): Promise<string | null> {
    if (documentId !== null && !(await this.documents.ownedBy(userId, documentId))) {
      throw ExpensesErrors.invalidField('documentId', 'no such document');
    }
    return documentId;
  }

  /** Into the user's base currency; left pending when no rate exists yet. */
  async convert(expense: Expense): Promise<void> {
    const { baseCurrency } = await this.settings.get(expense.userId);
    expense.applyConversion(await this.conversions.convert(expense.amountMinor, expense.currency, expense.date, baseCurrency));
  }
}
