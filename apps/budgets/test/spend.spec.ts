import { randomUUID } from 'node:crypto';
import type { Subscription } from '@nats-io/transport-node';
import { DomainError, ErrorCode, SUBJECTS, type AlertRaised, type EventEnvelope } from '@irp/contracts';
import { AsyncApiPayloads } from '@irp/testing';
import { startBudgets, eventually, type BudgetsUnderTest } from './budgets-service';
import { changed, expenseSnapshot, MEALS, today, TRAVEL } from './factories/expense.factory';
import { ExpenseProjectionRepository } from '../src/spend/expense-projection.repository';

describe('budgets: spend and alerts from expense events', () => {
  let svc: BudgetsUnderTest;
  let alertEvents: EventEnvelope<AlertRaised>[];
  let subscription: Subscription;

  beforeAll(async () => {
    svc = await startBudgets();
    alertEvents = [];
    subscription = svc.nc.subscribe(SUBJECTS.alertRaised, { callback: (_e, message) => void alertEvents.push(message.json()) });
  });

  afterAll(async () => {
    subscription?.unsubscribe();
    await svc?.close();
  });

  const createBudget = (userId: string, budget: Record<string, unknown>) =>
    svc.rpc.request(SUBJECTS.createBudget, { userId, budget: { name: 'Food', amount: '100.00', period: 'monthly', ...budget } as never });
  const status = (userId: string, budgetId: string) => svc.rpc.request(SUBJECTS.getBudgetStatus, { userId, budgetId });
  const spentBecomes = (userId: string, budgetId: string, spent: string) =>
    eventually(async () => expect((await status(userId, budgetId)).spent).toBe(spent));
  const alerts = async (userId: string) => (await svc.rpc.request(SUBJECTS.listAlerts, { userId, query: { state: 'all' } })).items;

  it('gives the same spend and one alert per threshold whatever the order, with every event delivered twice', async () => {
    const userId = randomUUID();
    const budget = await createBudget(userId, { category: 'Meals' });
    expect(budget).toMatchObject({ category: MEALS, currency: 'EUR', thresholds: [50, 80, 100], amount: '100.00' });
    const lunch = expenseSnapshot(userId, { amountMinor: 4000 });
    const dinner = expenseSnapshot(userId, { amountMinor: 5000 });
    const events = [
      svc.expenses.event(SUBJECTS.expenseCreated, lunch),
      svc.expenses.event(SUBJECTS.expenseUpdated, changed(lunch, { amountMinor: 4500 })),
      svc.expenses.event(SUBJECTS.expenseCreated, dinner),
      svc.expenses.event(SUBJECTS.expenseCreated, expenseSnapshot(userId, { amountMinor: 9900, category: TRAVEL })),
    ];
    // The update before the creation it follows; then everything again under new message ids (a
    // redelivery JetStream cannot deduplicate): only the inbox and the versions keep it right.
    for (const event of [events[1], events[3], events[0], events[2]]) await svc.expenses.publish(event);
    for (const event of [...events].reverse()) await svc.expenses.publish(event, randomUUID());

    await spentBecomes(userId, budget.id, '95.00');
    await new Promise((resolve) => setTimeout(resolve, 500)); // the replays are applied too
    const raised = await alerts(userId);
    expect(raised.map((alert) => alert.threshold).sort()).toEqual([50, 80]);
    await eventually(async () => expect(alertEvents.filter((e) => e.subject.userId === userId).map((e) => e.data.threshold).sort()).toEqual([50, 80]));
    expect((await status(userId, budget.id)).percent).toBe(95);
    // What subscribers are promised (the committed AsyncAPI document) is what is published.
    const payloads = new AsyncApiPayloads();
    for (const event of alertEvents) expect(payloads.errors(SUBJECTS.alertRaised, event)).toEqual([]);

    const first = await svc.rpc.request(SUBJECTS.listAlerts, { userId, query: { limit: '1' } });
    const second = await svc.rpc.request(SUBJECTS.listAlerts, { userId, query: { limit: '1', cursor: first.nextCursor ?? undefined } });
    expect([...first.items, ...second.items].map((alert) => alert.alertId)).toEqual(raised.map((alert) => alert.alertId));
    expect(second.nextCursor).toBeNull();
    await expect(svc.rpc.request(SUBJECTS.listAlerts, { userId, query: { cursor: 'bm9wZQ' } })).rejects.toMatchObject({ code: 'VALIDATION' });

    // Acknowledged once, by its owner only; another user neither sees nor acknowledges it.
    const stranger = randomUUID();
    expect(await alerts(stranger)).toEqual([]);
    await expect(svc.rpc.request(SUBJECTS.acknowledgeAlert, { userId: stranger, alertId: raised[0].alertId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const acknowledged = await svc.rpc.request(SUBJECTS.acknowledgeAlert, { userId, alertId: raised[0].alertId });
    expect(acknowledged.acknowledgedAt).not.toBeNull();
    expect((await svc.rpc.request(SUBJECTS.acknowledgeAlert, { userId, alertId: raised[0].alertId })).acknowledgedAt).toBe(acknowledged.acknowledgedAt);
    expect((await svc.rpc.request(SUBJECTS.listAlerts, { userId, query: {} })).items.map((alert) => alert.alertId)).toEqual([raised[1].alertId]);
  });

  it('moves spend between budgets when an expense changes category, and counts a conversion that arrives later', async () => {
    const userId = randomUUID();
    const meals = await createBudget(userId, { category: 'meals' });
    const travel = await createBudget(userId, { name: 'Trips', category: TRAVEL.id, amount: '50.00' });
    const overall = await createBudget(userId, { name: 'All', amount: '1000.00' });
    const taxi = expenseSnapshot(userId, { amountMinor: 3000, converted: null });
    await svc.expenses.publish(svc.expenses.event(SUBJECTS.expenseCreated, taxi));
    const converted = changed(taxi, { converted: 3000 });
    await svc.expenses.publish(svc.expenses.event(SUBJECTS.expenseUpdated, converted));
    await spentBecomes(userId, meals.id, '30.00');
    await svc.expenses.publish(svc.expenses.event(SUBJECTS.expenseUpdated, changed(converted, { category: TRAVEL })));
    await spentBecomes(userId, travel.id, '30.00');
    expect((await status(userId, meals.id)).spent).toBe('0.00');
    expect((await status(userId, overall.id)).spent).toBe('30.00');
    expect((await alerts(userId)).filter((a) => a.budgetId === travel.id).map((a) => a.threshold)).toEqual([50]);
  });

  it('raises no second alert when spend falls below a threshold and crosses it again in the period', async () => {
    const userId = randomUUID();
    const budget = await createBudget(userId, { thresholds: [100] });
    const big = expenseSnapshot(userId, { amountMinor: 12_000 });
    await svc.expenses.publish(svc.expenses.event(SUBJECTS.expenseCreated, big));
    await spentBecomes(userId, budget.id, '120.00');
    await svc.expenses.publish(svc.expenses.event(SUBJECTS.expenseDeleted, big));
    await spentBecomes(userId, budget.id, '0.00');
    await svc.expenses.publish(svc.expenses.event(SUBJECTS.expenseCreated, expenseSnapshot(userId, { amountMinor: 15_000 })));
    await spentBecomes(userId, budget.id, '150.00');
    expect((await alerts(userId)).map((a) => a.threshold)).toEqual([100]);
    const current = await status(userId, budget.id);
    expect(current).toMatchObject({ remaining: '-50.00', percent: 150 });
  });

  it('carries what was left into the next period with rollover, and reports history', async () => {
    const userId = randomUUID();
    const now = new Date();
    const monthStart = (offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
    const monthEnd = (offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset + 1, 0)).toISOString().slice(0, 10);
    const budget = await createBudget(userId, {
      period: 'custom',
      rollover: true,
      customPeriods: [{ start: monthStart(0), end: monthEnd(0) }, { start: monthStart(-1), end: monthEnd(-1) }],
    });
    await svc.expenses.publish(svc.expenses.event(SUBJECTS.expenseCreated, expenseSnapshot(userId, { amountMinor: 3000, date: monthStart(-1) })));
    await svc.expenses.publish(svc.expenses.event(SUBJECTS.expenseCreated, expenseSnapshot(userId, { amountMinor: 1000, date: today() })));
    await spentBecomes(userId, budget.id, '10.00');
    const current = await status(userId, budget.id);
    expect(current).toMatchObject({ carriedOver: '70.00', available: '170.00', remaining: '160.00', period: { start: monthStart(0), end: monthEnd(0) } });
    expect(current.history.map((p) => [p.start, p.spent, p.available])).toEqual([
      [monthStart(0), '10.00', '170.00'],
      [monthStart(-1), '30.00', '100.00'],
    ]);
    expect(Number(current.forecast)).toBeGreaterThanOrEqual(10);
  });

  it("reuses a status read's spend until the budget or the owner's expenses change", async () => {
    const sums = jest.spyOn(svc.app.get(ExpenseProjectionRepository), 'spendPerRange');
    try {
      const userId = randomUUID();
      const budget = await createBudget(userId, {});
      const lunch = expenseSnapshot(userId, { amountMinor: 2000 });
      await svc.expenses.publish(svc.expenses.event(SUBJECTS.expenseCreated, lunch));
      await spentBecomes(userId, budget.id, '20.00');
      const readsOf = () => sums.mock.calls.filter(([user]) => user === userId).length;
      const before = readsOf();
      expect(await status(userId, budget.id)).toMatchObject({ spent: '20.00', remaining: '80.00' });
      expect(readsOf()).toBe(before); // nothing changed: no query

      await svc.rpc.request(SUBJECTS.updateBudget, { userId, budgetId: budget.id, changes: { amount: '50.00' } });
      expect(await status(userId, budget.id)).toMatchObject({ spent: '20.00', remaining: '30.00', percent: 40 });
      await svc.expenses.publish(svc.expenses.event(SUBJECTS.expenseUpdated, changed(lunch, { amountMinor: 3500, converted: 3500 })));
      await spentBecomes(userId, budget.id, '35.00');
      await svc.expenses.publish(svc.expenses.event(SUBJECTS.expenseDeleted, changed(lunch, {})));
      await spentBecomes(userId, budget.id, '0.00');
      expect(readsOf()).toBeGreaterThan(before + 2);
    } finally {
      sums.mockRestore();
    }
  });

  describe('refuses bad input with a clear error', () => {
    const refused = async (promise: Promise<unknown>, code: string, field?: string) => {
      const error = await promise.then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(code);
      if (field) expect(JSON.stringify((error as DomainError).details)).toContain(field);
    };

    it.each([
      [{ category: 'caviar' }, 'category'],
      [{ amount: '0.00' }, 'amount'],
      [{ amount: '-5' }, 'amount'],
      [{ thresholds: [0, 50] }, 'thresholds'],
      [{ thresholds: [1001] }, 'thresholds'],
      [{ category: 'meals', tag: 'x' }, 'category'],
      [{ tag: 'never-used' }, 'tag'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ period: 'weekly' }, 'period'],
      [{ period: 'custom' }, 'customPeriods'],
      [{ period: 'custom', customPeriods: [{ start: '2026-01-01', end: '2026-01-31' }, { start: '2026-01-15', end: '2026-02-15' }] }, 'customPeriods'],
    ])('%j', async (budget, field) => {
      await refused(createBudget(randomUUID(), budget), ErrorCode.VALIDATION, field);
    });

    it("answers another user's budget as not found", async () => {
      const budget = await createBudget(randomUUID(), {});
      const stranger = randomUUID();
      await refused(status(stranger, budget.id), ErrorCode.NOT_FOUND);
      await refused(svc.rpc.request(SUBJECTS.deleteBudget, { userId: stranger, budgetId: budget.id }), ErrorCode.NOT_FOUND);
      await refused(svc.rpc.request(SUBJECTS.updateBudget, { userId: stranger, budgetId: budget.id, changes: { amount: '5.00' } }), ErrorCode.NOT_FOUND);
    });
  });

  it("dead-letters an event whose user does not own the expense it names", async () => {
    const owner = randomUUID();
    const budget = await createBudget(owner, {});
    const expense = expenseSnapshot(owner, { amountMinor: 2000 });
    await svc.expenses.publish(svc.expenses.event(SUBJECTS.expenseCreated, expense));
    await spentBecomes(owner, budget.id, '20.00');
    const forged = svc.expenses.event(SUBJECTS.expenseUpdated, { ...changed(expense, { amountMinor: 1 }), userId: randomUUID() });
    await svc.expenses.publish({ ...forged, subject: { userId: forged.data.expense.userId } });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await status(owner, budget.id)).spent).toBe('20.00');
  });
});
