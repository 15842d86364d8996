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

  describe('consume', () => {
    it('takes amounts from one budget across replicas, refusing what would overdraw it without taking it', async () => {
      const [a, b] = replicas;
      expect(await a.consume('bytes.user-1', 60_000, 1000, 600)).toMatchObject({ allowed: true, used: 600 });
      expect(await b.consume('bytes.user-1', 60_000, 1000, 500)).toMatchObject({ allowed: false, used: 600 });
      expect(await b.consume('bytes.user-1', 60_000, 1000, 400)).toMatchObject({ allowed: true, used: 1000 });
      const refused = await a.consume('bytes.user-1', 60_000, 1000, 1);
      expect(refused).toMatchObject({ allowed: false, used: 1000 });
      expect(refused.resetMs).toBeGreaterThan(59_000);
      expect(refused.resetMs).toBeLessThanOrEqual(60_000);
    });

    it('gives the whole budget back when the window ends', async () => {
      expect(await replicas[0].consume('bytes.user-2', 500, 10, 10)).toMatchObject({ allowed: true, used: 10 });
      expect(await replicas[1].consume('bytes.user-2', 500, 10, 1)).toMatchObject({ allowed: false });
      await sleep(550);
      expect(await replicas[1].consume('bytes.user-2', 500, 10, 1)).toMatchObject({ allowed: true, used: 1 });
    });

    it('grants no more than the budget when replicas take from it at the same moment', async () => {
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => replicas[i % 2].consume('burst.user-3', 60_000, 5)));
      expect(results.filter((r) => r.allowed)).toHaveLength(5);
    });
  });
});
