import { randomUUID } from 'node:crypto';
import type { Subscription } from '@nats-io/transport-node';
import { SUBJECTS } from '@irp/contracts';
import { ReconciliationScheduler } from '../src/reconciliation/reconciliation.scheduler';
import { SpendReconciler } from '../src/reconciliation/spend-reconciler';
import { startBudgets, eventually, type BudgetsUnderTest } from './budgets-service';
import { changed, expenseSnapshot } from './factories/expense.factory';

describe('budgets: reconciliation with the expenses service', () => {
  let svc: BudgetsUnderTest;
  let raised: string[];
  let subscription: Subscription;

  beforeAll(async () => {
    svc = await startBudgets();
    raised = [];
    subscription = svc.nc.subscribe(SUBJECTS.alertRaised, { callback: (_e, message) => void raised.push(message.json<{ subject: { userId: string } }>().subject.userId) });
  });

  afterAll(async () => {
    subscription?.unsubscribe();
    await svc?.close();
  });

  const status = (userId: string, budgetId: string) => svc.rpc.request(SUBJECTS.getBudgetStatus, { userId, budgetId });

  it('repairs drift (lost, stale and deleted expenses), and two runs at once raise each alert once', async () => {
    const userId = randomUUID();
    const budget = await svc.rpc.request(SUBJECTS.createBudget, { userId, budget: { name: 'Food', amount: '100.00', period: 'monthly' } });
    const kept = expenseSnapshot(userId, { amountMinor: 2000 });
    const gone = expenseSnapshot(userId, { amountMinor: 1000 });
    await svc.expenses.publish(svc.expenses.event(SUBJECTS.expenseCreated, kept));
    await svc.expenses.publish(svc.expenses.event(SUBJECTS.expenseCreated, gone));
    await eventually(async () => expect((await status(userId, budget.id)).spent).toBe('30.00'));

    // Drift: events that never arrived. One expense grew, one was deleted, one is new.
    svc.expenses.event(SUBJECTS.expenseUpdated, changed(kept, { amountMinor: 5000 }));
    svc.expenses.event(SUBJECTS.expenseDeleted, gone);
    svc.expenses.event(SUBJECTS.expenseCreated, expenseSnapshot(userId, { amountMinor: 4000 }));

    const reconciler = svc.app.get(SpendReconciler);
    const runs = await Promise.all([reconciler.reconcileUser(userId), reconciler.reconcileUser(userId)]);
    expect(runs.map((run) => run.listed)).toEqual([2, 2]);
    expect(runs.reduce((total, run) => total + run.alerts, 0)).toBe(2);
    expect((await status(userId, budget.id)).spent).toBe('90.00');
    const { items } = await svc.rpc.request(SUBJECTS.listAlerts, { userId, query: {} });
    expect(items.map((alert) => alert.threshold).sort()).toEqual([50, 80]);
    await eventually(async () => expect(raised.filter((id) => id === userId)).toHaveLength(2));

    // The scheduled job visits every user with budgets; nothing more to raise.
    await svc.app.get(ReconciliationScheduler).runOnce();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(raised.filter((id) => id === userId)).toHaveLength(2);
  });

  it('shows a tombstone it wrote in the next status read', async () => {
    const userId = randomUUID();
    const budget = await svc.rpc.request(SUBJECTS.createBudget, { userId, budget: { name: 'Food', amount: '100.00', period: 'monthly' } });
    const lost = expenseSnapshot(userId, { amountMinor: 1000 });
    await svc.expenses.publish(svc.expenses.event(SUBJECTS.expenseCreated, lost));
    await eventually(async () => expect((await status(userId, budget.id)).spent).toBe('10.00'));
    svc.expenses.event(SUBJECTS.expenseDeleted, lost); // the deletion's event never arrives
    await new Promise((resolve) => setTimeout(resolve, 20)); // the listing begins after the projection's last write
    expect(await svc.app.get(SpendReconciler).reconcileUser(userId)).toMatchObject({ listed: 0, tombstoned: 1 });
    expect((await status(userId, budget.id)).spent).toBe('0.00');
  });

  it('keeps a newer state an event brought over an older listing', async () => {
    const userId = randomUUID();
    const budget = await svc.rpc.request(SUBJECTS.createBudget, { userId, budget: { name: 'Food', amount: '100.00', period: 'monthly' } });
    const expense = expenseSnapshot(userId, { amountMinor: 1000 });
    svc.expenses.event(SUBJECTS.expenseCreated, expense); // the listing still says v1
    const newer = changed(expense, { amountMinor: 3000 });
    await svc.expenses.publish(svc.expenses.event(SUBJECTS.expenseCreated, expense));
    await svc.expenses.publish(svc.expenses.event(SUBJECTS.expenseUpdated, newer));
    await eventually(async () => expect((await status(userId, budget.id)).spent).toBe('30.00'));
    svc.expenses.ledger.get(userId)?.set(expense.id, expense);
    await svc.app.get(SpendReconciler).reconcileUser(userId);
    expect((await status(userId, budget.id)).spent).toBe('30.00');
  });
});
