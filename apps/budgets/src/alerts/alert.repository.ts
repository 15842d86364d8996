import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { AlertState } from '@irp/contracts';
import type { KeysetPosition } from '@irp/persistence';
import { Alert } from './alert.entity';

export type NewAlert = Omit<Alert, 'id' | 'raisedAt' | 'acknowledgedAt'>;

/** Where the previous page ended. */

@Injectable()
export class AlertRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Inserts the alert unless its budget, period and threshold already has one (the unique key
   * decides races between replicas); returns it only when this call inserted it. The time is
   * kept to the millisecond, as JSON and page cursors carry it, so keyset paging finds every row.
   */
  async insertIfNew(alert: NewAlert): Promise<Alert | null> {
    const id = randomUUID();
    const { rows } = await sql<{ raised_at: Date }>`
      insert into budgets.alert (id, user_id, budget_id, budget_name, period_start, period_end, threshold, spent_minor, available_minor, currency, raised_at)
      values (${id}::uuid, ${alert.userId}::uuid, ${alert.budgetId}::uuid, ${alert.budgetName}, ${alert.periodStart}::date, ${alert.periodEnd}::date,
              ${alert.threshold}, ${alert.spentMinor.toString()}::bigint, ${alert.availableMinor.toString()}::bigint, ${alert.currency}, date_trunc('milliseconds', now()))
      on conflict (budget_id, period_start, threshold) do nothing
      returning raised_at`.execute(this.em.getKysely());
    if (rows.length === 0) return null;
    return Object.assign(new Alert(), { ...alert, id, raisedAt: new Date(rows[0].raised_at), acknowledgedAt: null });
  }

  findOwned(userId: string, id: string): Promise<Alert | null> {
    return this.em.findOne(Alert, { id, userId });
  }

  /** Newest first, keyset-paged; `limit + 1` rows say whether there is a next page. */
  page(userId: string, filter: { state: AlertState; budgetId?: string }, limit: number, after?: KeysetPosition): Promise<Alert[]> {
    return this.em.find(
      Alert,
      {
        userId,
        ...(filter.budgetId && { budgetId: filter.budgetId }),
        ...(filter.state === 'open' && { acknowledgedAt: null }),
        ...(filter.state === 'acknowledged' && { acknowledgedAt: { $ne: null } }),
        ...(after && { $or: [{ raisedAt: { $lt: after.at } }, { raisedAt: after.at, id: { $lt: after.id } }] }),
      },
      { orderBy: { raisedAt: 'desc', id: 'desc' }, limit: limit + 1 },
    );
  }

  async removeOfBudget(budgetId: string): Promise<void> {
    await this.em.nativeDelete(Alert, { budgetId });
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
