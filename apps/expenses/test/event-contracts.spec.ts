import { MikroORM } from '@mikro-orm/postgresql';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { SUBJECTS, type EventEnvelope } from '@irp/contracts';
import { OutboxRelay } from '@irp/messaging';
import { AsyncApiPayloads } from '@irp/testing';
import { aUser, anExpense } from './factories/expense.factory';
import { startExpenses, type ExpensesUnderTest } from './expenses-service';

/** The events expenses really publishes, taken off the EXPENSES stream, against libs/contracts/asyncapi.json. */
describe('expense events match the AsyncAPI document', () => {
  let svc: ExpensesUnderTest;
  let orm: MikroORM;
  const payloads = new AsyncApiPayloads();

  beforeAll(async () => {
    svc = await startExpenses({ env: { OUTBOX_LISTEN: 'false', OUTBOX_POLL_INTERVAL_MS: '3600000' } });
    orm = svc.app.get(MikroORM);
  });

  afterAll(async () => {
    await svc?.close();
  });

  async function eventsOf(userId: string): Promise<EventEnvelope[]> {
    await new OutboxRelay(orm, jetstream(svc.nc)).publishPending();
    const { name } = await (await jetstreamManager(svc.nc)).consumers.add('EXPENSES', { ack_policy: 'none' as never });
    const events: EventEnvelope[] = [];
    const messages = await (await jetstream(svc.nc).consumers.get('EXPENSES', name)).fetch({ max_messages: 1000, expires: 1000 });
    for await (const message of messages) events.push(message.json());
    return events.filter((event) => event.subject.userId === userId);
  }

  it('created, updated and deleted events, with null and filled optional fields, all conform', async () => {
    const userId = aUser();
    const plain = await svc.rpc.request(SUBJECTS.createExpense, { userId, expense: anExpense() });
    // No USD rate is known: converted stays null (pending); the optional fields are all filled in.
    const full = await svc.rpc.request(SUBJECTS.createExpense, {
      userId,
      expense: anExpense({
        currency: 'USD',
        subtotal: '10.00',
        tip: '1.00',
        taxLines: [{ rate: '19', base: '10.00', amount: '1.90', label: 'VAT' }],
        paymentMethod: 'card',
        cardLast4: '4242',
        tags: ['trip', 'client'],
        notes: 'with the team',
      }),
    });
    expect(full.converted).toBeNull();
    await svc.rpc.request(SUBJECTS.updateExpense, { userId, expenseId: full.id, changes: { tip: null, notes: null, tags: [] } });
    await svc.rpc.request(SUBJECTS.deleteExpense, { userId, expenseId: plain.id });

    const events = await eventsOf(userId);
    expect(events.map((event) => event.type).sort()).toEqual(
      [SUBJECTS.expenseCreated, SUBJECTS.expenseCreated, SUBJECTS.expenseUpdated, SUBJECTS.expenseDeleted].sort(),
    );
    for (const event of events) expect({ type: event.type, errors: payloads.errors(event.type, event) }).toEqual({ type: event.type, errors: [] });
  });

  it('would catch a payload that breaks the document', async () => {
    const userId = aUser();
    await svc.rpc.request(SUBJECTS.createExpense, { userId, expense: anExpense() });
    const [event] = await eventsOf(userId);
    const { amountMinor: _dropped, ...withoutMinor } = (event.data as { expense: Record<string, unknown> }).expense;
    expect(payloads.errors(event.type, { ...event, data: { expense: withoutMinor } })).toEqual([
      "/data/expense must have required property 'amountMinor'",
    ]);
    expect(payloads.errors(event.type, { ...event, data: { expense: { ...withoutMinor, amountMinor: '1', subtotal: 12.5 } } })).toEqual([
      '/data/expense/subtotal must be string,null',
    ]);
  });
});
