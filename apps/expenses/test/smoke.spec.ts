import { SUBJECTS } from '@irp/contracts';
import { aUser, anExpense } from './factories/expense.factory';
import { startExpenses, type ExpensesUnderTest } from './expenses-service';

describe('smoke', () => {
  let svc: ExpensesUnderTest;
  beforeAll(async () => {
    svc = await startExpenses({ env: { LOG_LEVEL: 'error' } });
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('creates a pending expense and lists by tags', async () => {
    const userId = aUser();
    const created = await svc.rpc.request(SUBJECTS.createExpense, { userId, expense: anExpense({ currency: 'USD', tags: ['a', 'b'] }) });
    expect(created.conversionStatus).toBe('pending');
    const page = await svc.rpc.request(SUBJECTS.listExpenses, { userId, query: { tags: 'a,b' } });
    expect(page.items).toHaveLength(1);
  });
});
