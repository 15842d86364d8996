import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError, SUBJECTS } from '@irp/contracts';
import { startTestInfrastructure, type TestInfrastructure } from '@irp/testing';
import { connectNats, RpcClient } from '../src';

/**
 * A replica killed with a request in hand never answers it: the caller sees a timeout. Calls that
 * are safe to repeat are sent again (and another replica answers); the others fail as UNAVAILABLE.
 * Just after a NATS server is lost, a running service can look absent for a moment (its
 * subscriptions are not yet known where its callers reconnected): a request nobody received is
 * sent again for about a second before it fails as UNAVAILABLE.
 */
describe('RpcClient after a timeout or no responder', () => {
  let infra: TestInfrastructure;
  let nc: NatsConnection;
  let replica: Subscription;
  const received: string[] = [];

  beforeAll(async () => {
    infra = await startTestInfrastructure();
    nc = await connectNats({ url: infra.nats.url, name: 'rpc-retry-test' });
    // Swallows every first copy of a request (the replica that died with it), answers the next.
    const seen = new Set<string>();
    replica = nc.subscribe('expenses.expense.>', {
      callback: (_error, message) => {
        const { data } = message.json<{ data: { userId: string } }>();
        received.push(message.subject);
        if (!seen.has(data.userId)) {
          seen.add(data.userId);
          return;
        }
        message.respond(JSON.stringify({ response: { id: data.userId } }));
      },
    });
  });

  afterAll(async () => {
    replica?.unsubscribe();
    await nc?.close();
    await infra?.dispose();
  });

  const client = () => new RpcClient(nc, 300);

  it('sends a read again', async () => {
    const userId = randomUUID();
    await expect(client().request(SUBJECTS.getExpense, { userId, expenseId: randomUUID() })).resolves.toEqual({ id: userId });
  });

  it('sends a write carrying its idempotency key again', async () => {
    const userId = randomUUID();
    const create = { userId, idempotencyKey: randomUUID() } as never;
    await expect(client().request(SUBJECTS.createExpense, create)).resolves.toEqual({ id: userId });
  });

  it('does not repeat a write without a key: it fails as UNAVAILABLE, sent once', async () => {
    const userId = randomUUID();
    const before = received.length;
    const error = await client()
      .request(SUBJECTS.createExpense, { userId } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'UNAVAILABLE', message: 'expenses did not answer in time' });
    expect(received.length - before).toBe(1);
  });

  it('sends a request nobody received again, so a service that subscribes a moment later answers it', async () => {
    const userId = randomUUID();
    const answered = client().request(SUBJECTS.getBudget, { userId, budgetId: randomUUID() });
    await sleep(200);
    const service = nc.subscribe(SUBJECTS.getBudget, {
      callback: (_error, message) => {
        message.respond(JSON.stringify({ response: { id: userId } }));
      },
    });
    try {
      await expect(answered).resolves.toEqual({ id: userId });
    } finally {
      service.unsubscribe();
    }
  });

  it('fails as UNAVAILABLE when the service stays absent', async () => {
    await expect(client().request(SUBJECTS.getBudget, { userId: randomUUID(), budgetId: randomUUID() })).rejects.toMatchObject({ code: 'UNAVAILABLE', message: 'budgets is not running' });
  });
});
