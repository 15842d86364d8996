import { connect, type NatsConnection } from '@nats-io/transport-node';
import { setTimeout as sleep } from 'node:timers/promises';
import { startNatsServer, type TestServer } from '@irp/testing';
import { NatsThrottlerStorage } from '../src/auth/nats-throttler-storage';

describe(NatsThrottlerStorage.name, () => {
  let nats: TestServer;
  let connections: NatsConnection[];
  /** Two gateway replicas, each with its own connection. */
  let replicas: [NatsThrottlerStorage, NatsThrottlerStorage];

  beforeAll(async () => {
    nats = await startNatsServer();
    connections = await Promise.all([connect({ servers: nats.url }), connect({ servers: nats.url })]);
    replicas = [new NatsThrottlerStorage(connections[0], 60_000), new NatsThrottlerStorage(connections[1], 60_000)];
  });

  afterAll(async () => {
    await Promise.all(connections?.map((nc) => nc.close()) ?? []);
    await nats?.dispose();
  });

  const hit = (replica: NatsThrottlerStorage, key: string, limit = 3, ttl = 60_000) => replica.increment(key, ttl, limit, 0, 'default');

  it('counts the hits of every replica against one limit, and blocks beyond it until the window ends', async () => {
    const [a, b] = replicas;
    expect(await hit(a, 'client-1')).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(await hit(b, 'client-1')).toMatchObject({ totalHits: 2, isBlocked: false });
    expect(await hit(a, 'client-1')).toMatchObject({ totalHits: 3, isBlocked: false });
    const blocked = await hit(b, 'client-1');
    expect(blocked).toMatchObject({ totalHits: 4, isBlocked: true });
    expect(blocked.timeToBlockExpire).toBeGreaterThan(0);
    expect(blocked.timeToBlockExpire).toBeLessThanOrEqual(60);
    expect(await hit(a, 'client-2')).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('loses no hit when replicas count the same client at the same moment', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => hit(replicas[i % 2], 'busy-client', 100)));
    expect(results.map((r) => r.totalHits).sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it("opens a window with a client's first hit and a new one after it ends", async () => {
    const ttl = 1_000;
    expect(await hit(replicas[0], 'short', 1, ttl)).toMatchObject({ totalHits: 1, isBlocked: false, timeToExpire: 1 });
    expect(await hit(replicas[1], 'short', 1, ttl)).toMatchObject({ totalHits: 2, isBlocked: true });
    await sleep(ttl + 50);
    expect(await hit(replicas[1], 'short', 1, ttl)).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('lets requests through while NATS is away, rather than becoming the outage', async () => {
    const nc = await connect({ servers: nats.url });
    const storage = new NatsThrottlerStorage(nc, 60_000);
    await nc.close();
    expect(await hit(storage, 'client-3', 0)).toMatchObject({ isBlocked: false });
  });
});
