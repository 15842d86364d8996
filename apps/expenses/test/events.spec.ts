import { MikroORM } from '@mikro-orm/postgresql';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { SUBJECTS, type EventEnvelope, type ExpenseCreated, type ExpenseDeleted, type ExpenseUpdated } from '@irp/contracts';
import { OutboxRelay } from '@irp/messaging';
import { aUser, anExpense } from './factories/expense.factory';
import { startExpenses, type ExpensesUnderTest } from './expenses-service';

type AnyExpenseEvent = EventEnvelope<ExpenseCreated | ExpenseUpdated | ExpenseDeleted>;

describe('expense events', () => {
  let svc: ExpensesUnderTest;
  let orm: MikroORM;

  beforeAll(async () => {
    // The service's own relay neither listens nor polls for an hour: this test drives relays itself.
    svc = await startExpenses({ env: { OUTBOX_LISTEN: 'false', OUTBOX_POLL_INTERVAL_MS: '3600000' } });
    orm = svc.app.get(MikroORM);
  });

  afterAll(async () => {
    await svc?.close();
  });

  async function streamEvents(): Promise<AnyExpenseEvent[]> {
    const { name } = await (await jetstreamManager(svc.nc)).consumers.add('EXPENSES', { ack_policy: 'none' as never });
    const events: AnyExpenseEvent[] = [];
    const messages = await (await jetstream(svc.nc).consumers.get('EXPENSES', name)).fetch({ max_messages: 1000, expires: 1000 });
    for await (const message of messages) events.push(message.json());
    return events;
  }

  it('reach a subscriber exactly once per expense even when the relay dies in the middle of a batch', async () => {
    const userId = aUser();
    const created = [];
    for (let i = 0; i < 10; i++) created.push(await svc.rpc.request(SUBJECTS.createExpense, { userId, expense: anExpense({ vendor: `Shop ${i}` }) }));

    const js = jetstream(svc.nc);
    let published = 0;
    const dyingMidBatch = {
      publish: (...args: Parameters<JetStreamClient['publish']>) => {
        if (published === 4) return Promise.reject(new Error('relay process died'));
        published++;
        return js.publish(...args);
      },
    } as JetStreamClient;
    await expect(new OutboxRelay(orm, dyingMidBatch).publishPending()).rejects.toThrow('relay process died');
    expect(await new OutboxRelay(orm, js).publishPending()).toBe(10);
    expect(await new OutboxRelay(orm, js).publishPending()).toBe(0);

    const events = (await streamEvents()).filter((event) => event.subject.userId === userId);
    const createdIds = events.filter((e) => e.type === SUBJECTS.expenseCreated).map((e) => e.data.expense.id);
    expect(createdIds.sort()).toEqual(created.map((e) => e.id).sort());
  });

  it('carry what subscribers need: amounts, converted amount, category, date, owner, and what changed', async () => {
    const userId = aUser();
    const expense = await svc.rpc.request(SUBJECTS.createExpense, { userId, expense: anExpense({ amount: '12.34', category: 'travel' }) });
    await svc.rpc.request(SUBJECTS.updateExpense, { userId, expenseId: expense.id, changes: { amount: '20.00' } });
    await svc.rpc.request(SUBJECTS.deleteExpense, { userId, expenseId: expense.id });
    await new OutboxRelay(orm, jetstream(svc.nc)).publishPending();

    const mine = (await streamEvents()).filter((event) => event.subject.userId === userId);
    expect(mine.map((e) => e.type)).toEqual([SUBJECTS.expenseCreated, SUBJECTS.expenseUpdated, SUBJECTS.expenseDeleted]);
    const [created, updated, deleted] = mine;
    expect(created).toMatchObject({ version: 1, subject: { userId } });
    expect(created.data.expense).toMatchObject({
      id: expense.id,
      userId,
      date: '2026-03-01',
      amount: '12.34',
      amountMinor: '1234',
      currency: 'EUR',
      convertedAmountMinor: '1234',
      converted: { amount: '12.34', currency: 'EUR' },
      category: { name: 'travel' },
    });
    expect((updated.data as ExpenseUpdated).changed.sort()).toEqual(['amount', 'converted']);
    expect(updated.data.expense).toMatchObject({ amountMinor: '2000', version: 2 });
    expect(deleted.data.expense).toMatchObject({ id: expense.id, amountMinor: '2000' });
  });
});
