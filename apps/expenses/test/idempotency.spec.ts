import { MikroORM } from '@mikro-orm/postgresql';
import { SUBJECTS, type DomainError } from '@irp/contracts';
import { IdempotencyKey } from '../src/expenses/idempotency-key.entity';
import { IdempotencyKeysPurge } from '../src/expenses/idempotency-keys.purge';
import { aUser, anExpense } from './factories/expense.factory';
import { startExpenses, type ExpensesUnderTest } from './expenses-service';

describe('idempotency keys', () => {
  let svc: ExpensesUnderTest;

  beforeAll(async () => {
    svc = await startExpenses();
  });

  afterAll(async () => {
    await svc?.close();
  });

  it('treat the same body with its fields in another order as the same request', async () => {
    const userId = aUser();
    const first = await svc.rpc.request(SUBJECTS.createExpense, { userId, idempotencyKey: 'k1', expense: anExpense({ tags: ['a'] }) });
    const { vendor, ...rest } = anExpense({ tags: ['a'] });
    const again = await svc.rpc.request(SUBJECTS.createExpense, { userId, idempotencyKey: 'k1', expense: { ...rest, vendor } });
    expect(again.id).toBe(first.id);
    const other = await svc.rpc.request(SUBJECTS.createExpense, { userId, idempotencyKey: 'k1', expense: anExpense({ amount: '1.00' }) }).catch((e: unknown) => e);
    expect((other as DomainError).code).toBe('CONFLICT');
  });

  it('are forgotten after a day', async () => {
    const userId = aUser();
    await svc.rpc.request(SUBJECTS.createExpense, { userId, idempotencyKey: 'old', expense: anExpense() });
    const em = svc.app.get(MikroORM).em.fork();
    await em.nativeUpdate(IdempotencyKey, { userId }, { createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) });
    expect(await svc.app.get(IdempotencyKeysPurge, { strict: false }).purge()).toBeGreaterThanOrEqual(1);
    expect(await em.count(IdempotencyKey, { userId })).toBe(0);
  });
});
