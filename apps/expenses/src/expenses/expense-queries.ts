import { Injectable } from '@nestjs/common';
import type { ExpensePage, ExpenseView, ListExpensesQuery } from '@irp/contracts';
import { CategoriesService } from '../categories/categories.service';
import { SettingsRepository } from '../settings/settings.repository';
import type { Expense } from './expense.entity';
import { cleanTags, minorUnits } from './expense-input';
import { toExpenseView } from './expense.mapper';
import { ExpenseRepository, type ExpenseFilter } from './expense.repository';
import { ExpensesErrors } from './expenses.errors';
import { decodeCursor, encodeCursor } from './page-cursor';

const DEFAULT_PAGE_SIZE = 50;

/** Reading the ledger: one expense, or a page of a filtered, sorted list. */
@Injectable()
export class ExpenseQueries {
  constructor(
    private readonly expenses: ExpenseRepository,
    private readonly categories: CategoriesService,
    private readonly settings: SettingsRepository,
  ) {}

  async get(userId: string, expenseId: string): Promise<ExpenseView> {
    return toExpenseView(await this.owned(userId, expenseId));
  }

  /** The user's expense; another user's answers exactly like a missing one. */
  async owned(userId: string, expenseId: string): Promise<Expense> {
    const expense = await this.expenses.findOwned(userId, expenseId);
    if (!expense) throw ExpensesErrors.notFound();
    return expense;
  }

  async list(userId: string, query: ListExpensesQuery): Promise<ExpensePage> {
    const sort = query.sort ?? '-date';
    const limit = Number(query.limit ?? DEFAULT_PAGE_SIZE);
    const after = query.cursor ? decodeCursor(query.cursor, sort) : undefined;
    const rows = await this.expenses.page(userId, await this.filter(userId, query), sort, limit, after);
    const items = rows.slice(0, limit);
    const nextCursor = rows.length > limit ? encodeCursor(sort, this.expenses.positionOf(items[items.length - 1], sort)) : null;
    return { items: items.map(toExpenseView), nextCursor };
  }

  private async filter(userId: string, query: ListExpensesQuery): Promise<ExpenseFilter> {
    const amountCurrency = query.currency ?? (query.minAmount || query.maxAmount ? (await this.settings.get(userId)).baseCurrency : undefined);
    return {
      from: query.from,
      to: query.to,
      categoryId: query.category ? await this.categories.idFor(userId, query.category) : undefined,
      tags: query.tags ? cleanTags(query.tags.split(',')) : undefined,
      vendorText: query.q?.trim().toLowerCase(),
      currency: query.currency,
      minMinor: query.minAmount && amountCurrency ? minorUnits('minAmount', query.minAmount, amountCurrency) : undefined,
      maxMinor: query.maxAmount && amountCurrency ? minorUnits('maxAmount', query.maxAmount, amountCurrency) : undefined,
      status: query.status,
      documentId: query.documentId,
    };
  }
}
