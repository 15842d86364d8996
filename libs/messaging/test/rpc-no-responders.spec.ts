import type { NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { SUBJECTS } from '@irp/contracts';
import { startTestInfrastructure, type TestInfrastructure } from '@irp/testing';
import { connectNats, RpcClient } from '../src';

/**
 * Just after a NATS server is lost, a running service can look absent for a moment (its
 * subscriptions are not yet known where its callers reconnected): a request nobody received is
 * sent again for about a second before it fails as UNAVAILABLE.
 */
describe('RpcClient when nobody answers a subject', () => {
  let infra: TestInfrastructure;
  let nc: NatsConnection;

  beforeAll(async () => {
    infra = await startTestInfrastructure();
    nc = await connectNats({ url: infra.nats.url, name: 'rpc-no-responders-test' });
  });

  afterAll(async () => {
    await nc?.close();
    await infra?.dispose();
  });

  it('sends the request again, so a service that subscribes a moment later answers it', async () => {
    const userId = randomUUID();
    const answered = new RpcClient(nc).request(SUBJECTS.getBudget, { userId, budgetId: randomUUID() });
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
    await expect(new RpcClient(nc).request(SUBJECTS.getBudget, { userId: randomUUID(), budgetId: randomUUID() })).rejects.toMatchObject({ code: 'UNAVAILABLE', message: 'budgets is not running' });
  });
});
