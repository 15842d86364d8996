import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { STREAMS, SUBJECTS, type EventOf, type ExpenseSnapshot, type ExpenseView } from '@irp/contracts';
import { createEvent, ensureStream } from '@irp/messaging';
import { MEALS, TRAVEL } from './factories/expense.factory';

type ExpenseEventSubject = typeof SUBJECTS.expenseCreated | typeof SUBJECTS.expenseUpdated | typeof SUBJECTS.expenseDeleted;

/**
 * The expenses service as budgets sees it on the real NATS server: its events on the EXPENSES
 * stream, and answers to the three calls budgets makes (settings, categories, expense list) from
 * an in-memory ledger. The real service is exercised with budgets in the end-to-end tests.
 */
export class FakeExpenses {
  /** What the expenses service would list now, by user. */
  readonly ledger = new Map<string, Map<string, ExpenseSnapshot>>();
  private readonly subscriptions: Subscription[] = [];

  private constructor(private readonly nc: NatsConnection) {}

  static async start(nc: NatsConnection): Promise<FakeExpenses> {
    const fake = new FakeExpenses(nc);
    await ensureStream(nc, STREAMS.EXPENSES);
    fake.answer(SUBJECTS.getSettings, () => ({ baseCurrency: 'EUR', locale: 'en-GB' }));
    fake.answer(SUBJECTS.listCategories, () => ({ items: [MEALS, TRAVEL].map((category) => ({ ...category, expenseCount: 0 })) }));
    fake.answer(SUBJECTS.listExpenses, (data) => fake.list(data as { userId: string; query: Record<string, string | undefined> }));
    await nc.flush();
    return fake;
  }

  stop(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  /** Publishes an event as the expenses outbox relay does (Nats-Msg-Id = event id). */
  async publish<S extends ExpenseEventSubject>(event: EventOf<S>, msgId: string = event.id): Promise<void> {
    await jetstream(this.nc).publish(event.type, JSON.stringify(event), { msgID: msgId });
  }

  /** The event for a change of the ledger, which it records. */
  event(subject: ExpenseEventSubject, expense: ExpenseSnapshot): EventOf<ExpenseEventSubject> {
    const expenses = this.ledger.get(expense.userId) ?? new Map<string, ExpenseSnapshot>();
    this.ledger.set(expense.userId, expenses);
    if (subject === SUBJECTS.expenseDeleted) expenses.delete(expense.id);
    else expenses.set(expense.id, expense);
    const data = subject === SUBJECTS.expenseUpdated ? { expense, changed: ['amount'] } : { expense };
    return createEvent(subject, expense.userId, data as never) as EventOf<ExpenseEventSubject>;
  }

  private list(request: { userId: string; query: Record<string, string | undefined> }): { items: ExpenseView[]; nextCursor: string | null } {
    const { from, to, tags, limit = '50', cursor } = request.query;
    const all = [...(this.ledger.get(request.userId)?.values() ?? [])]
      .filter((e) => (!from || e.date >= from) && (!to || e.date <= to) && (!tags || tags.split(',').every((tag) => e.tags.includes(tag))))
      .sort((a, b) => a.id.localeCompare(b.id));
    const start = cursor ? Number(cursor) : 0;
    const items = all.slice(start, start + Number(limit));
    return { items, nextCursor: start + Number(limit) < all.length ? String(start + Number(limit)) : null };
  }

  private answer(subject: string, respond: (data: unknown) => unknown): void {
    const subscription = this.nc.subscribe(subject, {
      callback: (_error, message) => {
        const { id, data } = message.json<{ id: string; data: unknown }>();
        message.respond(JSON.stringify({ id, response: respond(data), isDisposed: true }));
      },
    });
    this.subscriptions.push(subscription);
  }
}
