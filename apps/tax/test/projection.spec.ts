import { randomUUID } from 'node:crypto';
import { DomainError, SUBJECTS, type ExpenseSnapshot } from '@irp/contracts';
import { anExpenseSnapshot } from './factories/expense-event.factory';
import type { JsonReport } from './report-files';
import { startTax, type TaxUnderTest } from './tax-service';

/** What a report says, without the ids that differ between two users' copies of the same expenses. */
function essence(report: JsonReport) {
  return {
    totals: report.totals,
    inputTaxByRate: report.inputTaxByRate,
    lines: report.lines.map(({ code, gross, net, tax, deductible, reclaimableTax, expenseCount, expenses }) => ({
      code,
      gross,
      net,
      tax,
      deductible,
      reclaimableTax,
      expenseCount,
      expenses: expenses.map((e) => [e.gross, e.tax, e.deductible]),
    })),
    review: report.review.map((r) => r.reasons),
  };
}

/** Deterministic shuffle, so a failure can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

describe('the expense projection', () => {
  let tax: TaxUnderTest;

  beforeAll(async () => {
    tax = await startTax();
  });

  afterAll(async () => {
    await tax?.close();
  });

  async function report(userId: string): Promise<JsonReport> {
    const job = await tax.report(userId, { year: 2025, formats: ['json'] });
    return JSON.parse((await tax.file(userId, job.id, 'json')).toString('utf8')) as JsonReport;
  }

  async function newUser(profileId = 'eu-vat'): Promise<string> {
    const userId = randomUUID();
    await tax.rpc.request(SUBJECTS.selectTaxProfile, { userId, profileId });
    return userId;
  }

  it('moves an expense edited after the fact to its new line, and a late older version does not move it back', async () => {
    const userId = await newUser('us-schedule-c');
    const v1 = anExpenseSnapshot(userId, { category: 'meals', amount: '80.00', currency: 'USD' });
    await tax.publish(v1);
    await tax.settled();
    expect((await report(userId)).lines.find((l) => l.code === '24b')).toMatchObject({ gross: '80.00', deductible: '40.00', expenseCount: 1 });

    const v2 = { ...v1, version: 2, category: { ...v1.category, name: 'Travel' } };
    await tax.publish(v2);
    await tax.settled();
    await tax.publish(v1, { eventId: randomUUID() }); // a late copy of the first state
    await tax.settled();
    const after = await report(userId);
    expect(after.lines.find((l) => l.code === '24b')).toMatchObject({ gross: '0.00', expenseCount: 0 });
    expect(after.lines.find((l) => l.code === '24a')).toMatchObject({ gross: '80.00', deductible: '80.00', expenseCount: 1 });
    expect(await tax.rpc.request(SUBJECTS.getExpenseTax, { userId, expenseId: v1.id })).toMatchObject({ version: 2, category: 'travel', reportLine: '24a', deductiblePercent: '100' });
  });

  it('gives the same report for events duplicated and in any order, deletions included', async () => {
    const histories = (userId: string): { state: ExpenseSnapshot; deleted?: boolean }[][] => {
      const a = anExpenseSnapshot(userId, { category: 'meals', amount: '20.00', taxLines: [{ rate: '7', amount: '1.31' }] });
      const b = anExpenseSnapshot(userId, { category: 'software', amount: '119.00', taxLines: [{ rate: '19', amount: '19.00' }] });
      const c = anExpenseSnapshot(userId, { category: 'fuel', amount: '60.00', documentId: null });
      const d = anExpenseSnapshot(userId, { category: 'lodging', amount: '200.00', taxLines: [{ rate: '10', amount: '18.18' }] });
      return [
        [{ state: a }, { state: { ...a, version: 2, amount: '21.40', amountMinor: '2140', convertedAmountMinor: '2140', converted: a.converted && { ...a.converted, amount: '21.40' }, taxLines: [{ rate: '7', base: '20.00', amount: '1.40', label: 'VAT' }] } }],
        [{ state: b }, { state: { ...b, version: 2, category: { ...b.category, name: 'other' } } }, { state: { ...b, version: 3, category: { ...b.category, name: 'office supplies' } } }],
        [{ state: c }, { state: { ...c, version: 2 }, deleted: true }],
        [{ state: d }],
      ];
    };
    const inOrder = await newUser();
    for (const history of histories(inOrder)) for (const { state, deleted } of history) await tax.publish(state, { deleted });
    await tax.settled();

    const scrambled = await newUser();
    const events = histories(scrambled).flat();
    const ids = new Map(events.map((event) => [event, randomUUID()]));
    // Every event twice, without JetStream's dedupe, in a shuffled order: the inbox and the versions must cope.
    for (const event of shuffled([...events, ...events], 7)) await tax.publish(event.state, { deleted: event.deleted, eventId: ids.get(event), dedupe: false });
    await tax.settled();

    const expected = await report(inOrder);
    expect(expected.totals).toMatchObject({ gross: '340.40', expenseCount: 3 });
    expect(essence(await report(scrambled))).toEqual(essence(expected));
  });

  it('refuses an event about another user\u2019s expense (dead-lettered, nothing changes)', async () => {
    const owner = await newUser();
    const expense = anExpenseSnapshot(owner, { category: 'travel', amount: '10.00' });
    await tax.publish(expense);
    await tax.settled();
    const intruder = randomUUID();
    await tax.publish({ ...expense, userId: intruder, version: 2, amount: '99.00', amountMinor: '9900' });
    await tax.settled();
    expect((await report(owner)).totals.gross).toBe('10.00');
    await expect(tax.rpc.request(SUBJECTS.getExpenseTax, { userId: intruder, expenseId: expense.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(tax.rpc.request(SUBJECTS.getExpenseTax, { userId: owner, expenseId: expense.id })).resolves.toMatchObject({ version: 1 });
  });

  it('answers an expense\u2019s tax lines, estimated from the standard rate only when asked', async () => {
    const userId = await newUser('uk-sa103f');
    const receipt = anExpenseSnapshot(userId, { category: 'travel', amount: '12.00', currency: 'GBP', taxLines: [{ rate: '20', amount: '2.00', base: '10.00' }] });
    const bare = anExpenseSnapshot(userId, { category: 'meals', amount: '30.00', currency: 'GBP' });
    await tax.publish(receipt);
    await tax.publish(bare);
    await tax.settled();
    expect(await tax.rpc.request(SUBJECTS.getExpenseTax, { userId, expenseId: receipt.id })).toEqual({
      expenseId: receipt.id,
      version: 1,
      currency: 'GBP',
      category: 'travel',
      lines: [{ rate: '20', base: '10.00', amount: '2.00', label: 'VAT', estimated: false }],
      reportLine: '20',
      deductiblePercent: '100',
    });
    expect((await tax.rpc.request(SUBJECTS.getExpenseTax, { userId, expenseId: bare.id })).lines).toEqual([]);
    expect((await tax.rpc.request(SUBJECTS.getExpenseTax, { userId, expenseId: bare.id, estimate: true })).lines).toEqual([
      { rate: '20', base: '25.00', amount: '5.00', label: 'estimated', estimated: true },
    ]);
    const error = await tax.rpc.request(SUBJECTS.getExpenseTax, { userId: randomUUID(), expenseId: bare.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
  });
});
