import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import type { ExpenseSort, ExpenseStatus } from '@irp/contracts';
import { Document } from '../documents/document.entity';
import { Expense } from './expense.entity';
import { ExpenseCorrection } from './expense-correction.entity';
import { IdempotencyKey } from './idempotency-key.entity';
import type { ExpenseFields } from './expense.mapper';

/** Filters of the list query, already in domain terms (ids, minor units). */
export interface ExpenseFilter {
  from?: string;
  to?: string;
  categoryId?: string;
  tags?: string[];
  vendorText?: string;
  /** On the original amount in `currency` when given, else on the converted amount. */
  minMinor?: bigint;
  maxMinor?: bigint;
  currency?: string;
  status?: ExpenseStatus;
  documentId?: string;
}

/** Where the previous page ended: the sort value and id of its last row. */
export interface PagePosition {
  value: string;
  id: string;
}

/** A row of the list query: the expense's fields and its category's name, without an entity. */
export type ExpenseRow = ExpenseFields & { vendorNormalized: string };

const SORT_COLUMNS: Record<string, { column: string; value: (e: ExpenseRow) => string }> = {
  date: { column: 'e.date', value: (e) => e.date },
  amount: { column: 'e.amount_minor', value: (e) => e.amountMinor.toString() },
  vendor: { column: 'e.vendor_normalized', value: (e) => e.vendorNormalized },
  createdAt: { column: 'e.created_at', value: (e) => e.createdAt.toISOString() },
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class ExpenseRepository {
  constructor(private readonly em: EntityManager) {}

  findOwned(userId: string, id: string): Promise<Expense | null> {
    return this.em.findOne(Expense, { id, userId }, { populate: ['category'] });
  }

  linkedTo(userId: string, documentId: string): Promise<Expense[]> {
    return this.em.find(Expense, { userId, documentId }, { populate: ['category'] });
  }

  async hasDocument(userId: string, documentId: string): Promise<boolean> {
    return (await this.em.count(Document, { id: documentId, userId })) > 0;
  }

  /**
   * One page in a stable order: the sort column, then the id (keyset pagination: no offsets, so
   * pages stay consistent while rows are added and cost the same at any depth). Returns up to
   * `limit + 1` rows; the extra one says there is a next page. Rows are read-only data, not
   * entities: building and tracking entities was the largest cost of this hot path.
   */
  async page(userId: string, filter: ExpenseFilter, sort: ExpenseSort, limit: number, after?: PagePosition): Promise<ExpenseRow[]> {
    const descending = sort.startsWith('-');
    const { column } = SORT_COLUMNS[sort.replace('-', '')];
    const qb = this.em
      .createQueryBuilder(Expense, 'e')
      .select(['e.*', 'c.name as category_name'] as never)
      .join('e.category', 'c')
      .where({ userId });
    if (filter.from) qb.andWhere({ date: { $gte: filter.from } });
    if (filter.to) qb.andWhere({ date: { $lte: filter.to } });
    if (filter.categoryId) qb.andWhere({ category: filter.categoryId });
    if (filter.status) qb.andWhere({ status: filter.status });
    if (filter.documentId) qb.andWhere({ documentId: filter.documentId });
    if (filter.vendorText) qb.andWhere({ vendorNormalized: { $like: `%${escapeLike(filter.vendorText)}%` } });
    // The array expands to one placeholder per tag.
    if (filter.tags?.length) qb.andWhere('e.tags @> array[?]::text[]', [filter.tags]);
    if (filter.currency) qb.andWhere({ currency: filter.currency });
    const amountField = filter.currency ? 'amountMinor' : 'convertedMinor';
    if (filter.minMinor !== undefined) qb.andWhere({ [amountField]: { $gte: filter.minMinor } });
    if (filter.maxMinor !== undefined) qb.andWhere({ [amountField]: { $lte: filter.maxMinor } });
    if (after) qb.andWhere(`(${column}, e.id) ${descending ? '<' : '>'} (?, ?)`, [after.value, after.id]);
    const direction = descending ? 'desc' : 'asc';
    const rows = await qb
      .orderBy([{ [column]: direction }, { 'e.id': direction }] as never)
      .limit(limit + 1)
      .execute<(Omit<ExpenseRow, 'category'> & { category: string; category_name: string })[]>('all', true);
    return rows.map(({ category, category_name, ...row }) => ({ ...row, category: { id: category, name: category_name } }));
  }

  positionOf(expense: ExpenseRow, sort: ExpenseSort): PagePosition {
    return { value: SORT_COLUMNS[sort.replace('-', '')].value(expense), id: expense.id };
  }

  /** An expense of the user with the same vendor, date and total: the same receipt filed twice. */
  findSameReceipt(expense: Expense): Promise<Expense | null> {
    return this.em.findOne(
      Expense,
      { userId: expense.userId, vendorNormalized: expense.vendorNormalized, date: expense.date, amountMinor: expense.amountMinor, currency: expense.currency },
      { orderBy: { createdAt: 'asc' } },
    );
  }

  add(expense: Expense): void {
    this.em.persist(expense);
  }

  remove(expense: Expense): void {
    this.em.remove(expense);
  }

  findIdempotencyKey(userId: string, key: string): Promise<IdempotencyKey | null> {
    return this.em.findOne(IdempotencyKey, { userId, key });
  }

  addIdempotencyKey(key: IdempotencyKey): void {
    this.em.persist(key);
  }

  addCorrection(correction: ExpenseCorrection): void {
    this.em.persist(correction);
  }

  deleteIdempotencyKeysBefore(cutoff: Date): Promise<number> {
    return this.em.nativeDelete(IdempotencyKey, { createdAt: { $lt: cutoff } });
  }

  /** Expenses waiting for a rate after `afterId`, locked for this transaction (other replicas skip them). */
  lockPending(limit: number, afterId?: string): Promise<Expense[]> {
    return this.em.find(
      Expense,
      afterId ? { conversionStatus: 'pending', id: { $gt: afterId } } : { conversionStatus: 'pending' },
      { populate: ['category'], orderBy: { id: 'asc' }, limit, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, lockTableAliases: ['e0'] },
    );
  }

  /** After a base currency change every conversion of the user is redone. */
  async markAllPending(userId: string): Promise<number> {
    return this.em.nativeUpdate(
      Expense,
      { userId },
      { conversionStatus: 'pending', convertedMinor: null, baseCurrency: null, fxRate: null, fxRateDate: null, fxSource: null },
    );
  }

  inCategory(userId: string, categoryId: string, limit: number): Promise<Expense[]> {
    return this.em.find(Expense, { userId, category: categoryId }, { populate: ['category'], limit, orderBy: { id: 'asc' } });
  }

  transactional<T>(work: () => Promise<T>): Promise<T> {
    return this.em.transactional(work);
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
