import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import type { Period } from '../periods/period-calendar';

export type BudgetScope = 'overall' | 'category' | 'tag';

/** What a budget counts: every expense, those of one category (by id, so renames keep it), or those with one tag. */
export interface SpendScope {
  scope: BudgetScope;
  categoryId: string | null;
  tag: string | null;
}

/** An expense as budgets count it (from an event snapshot or the expenses service's list). */
export interface ProjectedExpense {
  expenseId: string;
  userId: string;
  version: number;
  deleted: boolean;
  date: string;
  categoryId: string;
  tags: string[];
  convertedMinor: bigint | null;
  currency: string | null;
}

/**
 * The `changed` rows of a statement bump their owner's spend version in the same statement: no change
 * to the projection can commit without it (callers hold the owner's lock, so one owner at a time).
 */
const bumpSpendVersion = sql`bumped as (
      insert into budgets.spend_version (user_id, version) select distinct user_id, 1 from changed
      on conflict (user_id) do update set version = spend_version.version + 1)`;

/**
 * The expense projection in plain SQL: an upsert that only moves forward by (version, deleted)
 * cannot be said with the ORM's unit of work, and the spend sums are the hot path of status reads.
 */
@Injectable()
export class ExpenseProjectionRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Stores the expense unless a newer state is there (a deletion outranks its own version).
   * `orEqual` also overwrites the same version (reconciliation repairing a drifted row).
   * Returns false when nothing changed; the owner check is the caller's (ownerOf).
   */
  async apply(row: ProjectedExpense, options: { orEqual?: boolean } = {}): Promise<boolean> {
    const newer = options.orEqual ? sql.raw('<=') : sql.raw('<');
    const { rows } = await sql<{ expense_id: string }>`
      with changed as (
      insert into budgets.expense_projection (expense_id, user_id, version, deleted, date, category_id, tags, converted_minor, currency, applied_at)
      values (${row.expenseId}::uuid, ${row.userId}::uuid, ${row.version}, ${row.deleted}, ${row.date}::date, ${row.categoryId}::uuid,
              ${row.tags}::text[], ${row.convertedMinor?.toString() ?? null}::bigint, ${row.currency}, now())
      on conflict (expense_id) do update set version = excluded.version, deleted = excluded.deleted, date = excluded.date,
        category_id = excluded.category_id, tags = excluded.tags, converted_minor = excluded.converted_minor,
        currency = excluded.currency, applied_at = excluded.applied_at
      where expense_projection.user_id = excluded.user_id
        and (expense_projection.version, expense_projection.deleted) ${newer} (excluded.version, excluded.deleted)
      returning expense_id, user_id), ${bumpSpendVersion}
      select expense_id from changed`.execute(this.em.getKysely());
    return rows.length > 0;
  }

  /** The database's clock (rows are stamped with it, so comparisons must not use this process's). */
  async databaseNow(): Promise<Date> {
    const { rows } = await sql<{ now: Date }>`select clock_timestamp() as now`.execute(this.em.getKysely());
    return new Date(rows[0].now);
  }

  async ownerOf(expenseId: string): Promise<string | null> {
    const { rows } = await sql<{ user_id: string }>`select user_id from budgets.expense_projection where expense_id = ${expenseId}::uuid`.execute(this.em.getKysely());
    return rows[0]?.user_id ?? null;
  }

  /**
   * Tombstones the user's expenses dated in [from, to] that a full listing did not return, unless
   * an event touched them after the listing began (they may be newer than the listing).
   */
  async deleteUnlisted(userId: string, range: Period, listed: string[], listingStartedAt: Date): Promise<number> {
    const { rows } = await sql<{ expense_id: string }>`
      with changed as (
      update budgets.expense_projection set deleted = true, applied_at = now()
      where user_id = ${userId}::uuid and date between ${range.start}::date and ${range.end}::date and not deleted
        and applied_at < ${listingStartedAt} and not (expense_id = any(${listed}::uuid[]))
      returning expense_id, user_id), ${bumpSpendVersion}
      select expense_id from changed`.execute(this.em.getKysely());
    return rows.length;
  }

  /** Spend in `currency` of the expenses in scope, per range (ranges in, sums out, same order). */
  async spendPerRange(userId: string, scope: SpendScope, currency: string, ranges: readonly Period[]): Promise<bigint[]> {
    if (ranges.length === 0) return [];
    const conditions = [sql`p.user_id = ${userId}::uuid`, sql`p.date between r.s and r.e`, sql`not p.deleted`, sql`p.currency = ${currency}`];
    if (scope.scope === 'category') conditions.push(sql`p.category_id = ${scope.categoryId}::uuid`);
    if (scope.scope === 'tag') conditions.push(sql`p.tags @> array[${scope.tag}]::text[]`);
    const { rows } = await sql<{ i: string; spent: string }>`
      select r.i::text as i, coalesce(sum(p.converted_minor), 0)::text as spent
      from unnest(${ranges.map((r) => r.start)}::date[], ${ranges.map((r) => r.end)}::date[]) with ordinality as r(s, e, i)
      left join budgets.expense_projection p on ${sql.join(conditions, sql` and `)}
      group by r.i order by r.i`.execute(this.em.getKysely());
    return rows.map((row) => BigInt(row.spent));
  }
}
