import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { SUBJECTS, type ExpenseView } from '@irp/contracts';
import { RpcClient } from '@irp/messaging';
import { toMinorUnits } from '@irp/money';
import { OwnerLock, UnitOfWork, withRequestContext } from '@irp/persistence';
import { AlertEvaluator } from '../alerts/alert-evaluator';
import { BudgetRepository } from '../budgets/budget.repository';
import { periodContaining, todayIn, type Period } from '../periods/period-calendar';
import { ExpenseProjectionRepository, type ProjectedExpense } from '../spend/expense-projection.repository';

const PAGE_SIZE = '200';
/** Listing a user's window may take several pages on a slow day. */
const LIST_TIMEOUT_MS = 15_000;

export interface Reconciled {
  listed: number;
  tombstoned: number;
  alerts: number;
}

function projectionOfView(userId: string, expense: ExpenseView): ProjectedExpense {
  return {
    expenseId: expense.id,
    userId,
    version: expense.version,
    deleted: false,
    date: expense.date,
    categoryId: expense.category.id,
    tags: expense.tags,
    convertedMinor: expense.converted ? toMinorUnits(expense.converted.amount, expense.converted.currency) : null,
    currency: expense.converted?.currency ?? null,
  };
}

/** The days every current period of these budgets spans (null when none is running). */
function windowOf(periods: (Period | null)[]): Period | null {
  const running = periods.filter((period): period is Period => period !== null);
  if (running.length === 0) return null;
  return { start: running.map((p) => p.start).sort()[0], end: running.map((p) => p.end).sort().reverse()[0] };
}

/**
 * Recomputes a user's spend for the current periods from the expenses service's own list and
 * repairs the projection: missing or stale expenses are written, ones the list no longer has are
 * tombstoned, then the budgets are evaluated. Runs under the owner's lock, so events and other
 * replicas' runs wait their turn, and the alerts' unique key keeps a second run from raising again.
 */
@Injectable()
export class SpendReconciler {
  constructor(
    private readonly orm: MikroORM,
    private readonly rpc: RpcClient,
    private readonly budgets: BudgetRepository,
    private readonly projection: ExpenseProjectionRepository,
    private readonly evaluator: AlertEvaluator,
    private readonly ownerLock: OwnerLock,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  reconcileUser(userId: string, now: Date = new Date()): Promise<Reconciled> {
    return withRequestContext(this.orm, async () => {
      const budgets = await this.budgets.ofUser(userId);
      const window = windowOf(budgets.map((budget) => periodContaining(budget, todayIn(budget.timeZone, now))));
      if (!window) return { listed: 0, tombstoned: 0, alerts: 0 };
      const listingStartedAt = await this.projection.databaseNow();
      const listed = await this.listAll(userId, window);
      return this.unitOfWork.run(async () => {
        await this.ownerLock.take(userId);
        for (const expense of listed) await this.projection.apply(projectionOfView(userId, expense), { orEqual: true });
        const tombstoned = await this.projection.deleteUnlisted(userId, window, listed.map((expense) => expense.id), listingStartedAt);
        let alerts = 0;
        for (const budget of budgets) alerts += (await this.evaluator.evaluate(budget, now)).length;
        return { listed: listed.length, tombstoned, alerts };
      });
    });
  }

  private async listAll(userId: string, window: Period): Promise<ExpenseView[]> {
    const expenses: ExpenseView[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.rpc.request(SUBJECTS.listExpenses, { userId, query: { from: window.start, to: window.end, limit: PAGE_SIZE, cursor } }, { timeoutMs: LIST_TIMEOUT_MS });
      expenses.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return expenses;
  }
}
