import { connect, type NatsConnection } from '@nats-io/transport-node';
import { setTimeout as sleep } from 'node:timers/promises';
import { startNatsServer, type TestServer } from '@irp/testing';
import { NatsRateLimitCounters } from '../src/rate-limit/nats-rate-limit-counters';

describe(NatsRateLimitCounters.name, () => {
  let nats: TestServer;
  let connections: NatsConnection[];
  /** Two gateway replicas, each with its own connection. */
  let replicas: [NatsRateLimitCounters, NatsRateLimitCounters];

  beforeAll(async () => {
    nats = await startNatsServer();
    connections = await Promise.all([connect({ servers: nats.url }), connect({ servers: nats.url })]);
    replicas = [new NatsRateLimitCounters(connections[0], 60_000), new NatsRateLimitCounters(connections[1], 60_000)];
  });

  afterAll(async () => {
    await Promise.all(connections?.map((nc) => nc.close()) ?? []);
    await nats?.dispose();
  });

  const hit = (replica: NatsRateLimitCounters, counter: string, limit = 3, windowMs = 60_000) => replica.consume(counter, windowMs, limit);

  it('counts the requests of every replica against one budget, and refuses beyond it until the window ends', async () => {
    const [a, b] = replicas;
    expect(await hit(a, 'client-1')).toMatchObject({ allowed: true, used: 1 });
    expect(await hit(b, 'client-1')).toMatchObject({ allowed: true, used: 2 });
    expect(await hit(a, 'client-1')).toMatchObject({ allowed: true, used: 3 });
    const refused = await hit(b, 'client-1');
    expect(refused).toMatchObject({ allowed: false, used: 3 });
    expect(refused.resetMs).toBeGreaterThan(0);
    expect(refused.resetMs).toBeLessThanOrEqual(60_000);
    expect(await hit(a, 'client-2')).toMatchObject({ allowed: true, used: 1 });
  });

  it('loses no request when replicas count the same client at the same moment', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => hit(replicas[i % 2], 'busy-client', 100)));
    expect(results.every((r) => r.allowed)).toBe(true);
    expect(results.map((r) => r.used).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('grants no more than the budget to a burst spread over replicas, refusing the rest', async () => {
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => hit(replicas[i % 2], 'burst-client', 25)));
    expect(results.filter((r) => r.allowed)).toHaveLength(25);
    expect(await hit(replicas[0], 'burst-client', 25)).toMatchObject({ allowed: false, used: 25 });
  });

  it("opens a window with a client's first request and a new one after it ends", async () => {
    const windowMs = 1_000;
    expect(await hit(replicas[0], 'short', 1, windowMs)).toMatchObject({ allowed: true, used: 1 });
    expect(await hit(replicas[1], 'short', 1, windowMs)).toMatchObject({ allowed: false });
    await sleep(windowMs + 50);
    expect(await hit(replicas[1], 'short', 1, windowMs)).toMatchObject({ allowed: true, used: 1 });
    // The other replica remembers the old window's value: it must still see the new one.
    expect(await hit(replicas[0], 'short', 1, windowMs)).toMatchObject({ allowed: false, used: 1 });
  });

  it('takes amounts, refusing what would overdraw the budget without taking it', async () => {
    const [a, b] = replicas;
    expect(await a.consume('bytes.user-1', 60_000, 1000, 600)).toMatchObject({ allowed: true, used: 600 });
    expect(await b.consume('bytes.user-1', 60_000, 1000, 500)).toMatchObject({ allowed: false, used: 600 });
    expect(await b.consume('bytes.user-1', 60_000, 1000, 400)).toMatchObject({ allowed: true, used: 1000 });
    expect(await a.consume('bytes.user-1', 60_000, 1000, 1)).toMatchObject({ allowed: false, used: 1000 });
  });

  it('lets requests through while NATS is away, rather than becoming the outage', async () => {
    const nc = await connect({ servers: nats.url });
    const counters = new NatsRateLimitCounters(nc, 60_000);
    await nc.close();
    expect(await hit(counters, 'client-3', 0)).toMatchObject({ allowed: true });
  });
});
