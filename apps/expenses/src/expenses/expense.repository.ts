import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { isOptimisticLockFailure, isUniqueViolation } from '@irp/persistence';
import { sql } from 'kysely';
import type { ExpenseSort, ExpenseStatus } from '@irp/contracts';
import type { DeletedTwin } from '../duplicates/duplicate-pointer';
import { Expense } from './expense.entity';
import { ExpenseCorrection } from './expense-correction.entity';
import { ExpensesErrors, IdempotencyKeyTaken } from './expenses.errors';
import { IdempotencyKey } from './idempotency-key.entity';
import { isoString, type ExpenseFields } from './expense.mapper';

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

const SORT_COLUMNS: Record<string, { column: string; type: string; value: (e: ExpenseRow) => string }> = {
  date: { column: 'e.date', type: 'date', value: (e) => e.date },
  amount: { column: 'e.amount_minor', type: 'bigint', value: (e) => e.amountMinor.toString() },
  vendor: { column: 'e.vendor_normalized', type: 'text', value: (e) => e.vendorNormalized },
  createdAt: { column: 'e.created_at', type: 'timestamptz', value: (e) => isoString(e.createdAt) },
};

/** A timestamptz as JSON writes a Date: 2026-03-14T09:30:00.000Z. */
function isoTimestamp(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** The list query's columns, named as the row's fields; numbers that may exceed a double stay text. */
const ROW_COLUMNS = `e.id, e.user_id as "userId", e.vendor, e.vendor_normalized as "vendorNormalized", e.date::text as date,
  e.amount_minor::text as "amountMinor", e.currency, e.converted_minor::text as "convertedMinor", e.base_currency as "baseCurrency",
  e.fx_rate::text as "fxRate", e.fx_rate_date::text as "fxRateDate", e.fx_source as "fxSource", e.conversion_status as "conversionStatus",
  e.subtotal_minor::text as "subtotalMinor", e.tax_lines as "taxLines", e.tip_minor::text as "tipMinor", e.payment_method as "paymentMethod",
  e.card_last4 as "cardLast4", json_build_object('id', c.id, 'name', c.name) as category, e.tags, e.notes, e.status,
  e.document_id as "documentId", e.duplicate_of as "duplicateOf", e.version,
  ${isoTimestamp('e.created_at')} as "createdAt", ${isoTimestamp('e.updated_at')} as "updatedAt"`;

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

  /**
   * One page in a stable order: the sort column, then the id (keyset pagination: no offsets, so
   * pages stay consistent while rows are added and cost the same at any depth). Returns up to
   * `limit + 1` rows; the extra one says there is a next page. Rows are read-only data, not
   * entities, from plain SQL with bind parameters: building entities, then query-builder
   * criteria, were the largest costs of this hot path.
   */
  async page(userId: string, filter: ExpenseFilter, sort: ExpenseSort, limit: number, after?: PagePosition): Promise<ExpenseRow[]> {
    const descending = sort.startsWith('-');
    const { column, type } = SORT_COLUMNS[sort.replace('-', '')];
    const conditions = [sql`e.user_id = ${userId}`];
    if (filter.from) conditions.push(sql`e.date >= ${filter.from}::date`);
    if (filter.to) conditions.push(sql`e.date <= ${filter.to}::date`);
    if (filter.categoryId) conditions.push(sql`e.category_id = ${filter.categoryId}::uuid`);
    if (filter.status) conditions.push(sql`e.status = ${filter.status}`);
    if (filter.documentId) conditions.push(sql`e.document_id = ${filter.documentId}::uuid`);
    if (filter.vendorText) conditions.push(sql`e.vendor_normalized like ${`%${escapeLike(filter.vendorText)}%`}`);
    if (filter.tags?.length) conditions.push(sql`e.tags @> ${filter.tags}::text[]`);
    if (filter.currency) conditions.push(sql`e.currency = ${filter.currency}`);
    const amount = sql.raw(filter.currency ? 'e.amount_minor' : 'e.converted_minor');
    if (filter.minMinor !== undefined) conditions.push(sql`${amount} >= ${filter.minMinor.toString()}::bigint`);
    if (filter.maxMinor !== undefined) conditions.push(sql`${amount} <= ${filter.maxMinor.toString()}::bigint`);
    if (after) conditions.push(sql`(${sql.raw(column)}, e.id) ${sql.raw(descending ? '<' : '>')} (${after.value}::${sql.raw(type)}, ${after.id}::uuid)`);
    const direction = sql.raw(descending ? 'desc' : 'asc');
    const { rows } = await sql<ExpenseRow>`select ${sql.raw(ROW_COLUMNS)}
        from expenses.expense e join expenses.category c on c.id = e.category_id
        where ${sql.join(conditions, sql` and `)}
        order by ${sql.raw(column)} ${direction}, e.id ${direction} limit ${limit + 1}`.execute(this.em.getKysely());
    return rows;
  }

  positionOf(expense: ExpenseRow, sort: ExpenseSort): PagePosition {
    return { value: SORT_COLUMNS[sort.replace('-', '')].value(expense), id: expense.id };
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

  /** Stores the answer under its key; IdempotencyKeyTaken when a concurrent request with the key committed first. */
  async addIdempotencyKey(key: IdempotencyKey): Promise<void> {
    try {
      await this.em.persist(key).flush();
    } catch (error) {
      if (isUniqueViolation(error)) throw new IdempotencyKeyTaken();
      throw error;
    }
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

  flush(): Promise<void> {
    return this.em.flush();
  }

  /** Flushes changes of `expense`; a concurrent change that committed first is a stale version (412). */
  async flushVersioned(expense: Expense): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      if (isOptimisticLockFailure(error)) throw ExpensesErrors.staleVersion(expense.version);
      throw error;
    }
  }

  /** Expenses of the user flagged as duplicates of the deleted twin. */
  flaggedAgainst(userId: string, deleted: DeletedTwin): Promise<Expense[]> {
    return this.em.find(Expense, { userId, duplicateOf: deleted }, { populate: ['category'] });
  }
}
