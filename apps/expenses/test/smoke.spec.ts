import { SUBJECTS } from '@irp/contracts';
import { aUser, anExpense } from './factories/expense.factory';
import { startExpenses, type ExpensesUnderTest } from './expenses-service';

describe('smoke', () => {
  let svc: ExpensesUnderTest;
  beforeAll(async () => {
    svc = await startExpenses();
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('creates, lists, updates, deletes', async () => {
    const userId = aUser();
    const created = await svc.rpc.request(SUBJECTS.createExpense, { userId, expense: anExpense() });
    const page = await svc.rpc.request(SUBJECTS.listExpenses, { userId, query: {} });
    expect(page.items).toHaveLength(1);
    const updated = await svc.rpc.request(SUBJECTS.updateExpense, { userId, expenseId: created.id, expectedVersion: 1, changes: { amount: '20.00', tags: ['x'] } });
    await svc.rpc.request(SUBJECTS.deleteExpense, { userId, expenseId: created.id });
  });
});
