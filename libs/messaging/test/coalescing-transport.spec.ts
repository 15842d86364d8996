import { connect, type NatsConnection, type NatsConnectionImpl } from '@nats-io/transport-node';
import type { Socket } from 'node:net';
import { startNatsServer, type TestServer } from '@irp/testing';
import { connectNats, natsMicroserviceOptions } from '../src';
import { CoalescingNodeTransport } from '../src/coalescing-transport';

const BURST = 20;

const transportOf = (nc: NatsConnection) => (nc as NatsConnectionImpl).protocol.transport;

/** Counts the socket's writes (one system call each: write, or writev for corked chunks). */
function countWrites(nc: NatsConnection): { count: number } {
  type Write = (...args: unknown[]) => void;
  const socket = (transportOf(nc) as unknown as { socket: Socket }).socket as unknown as Record<'_write' | '_writev', Write>;
  const counter = { count: 0 };
  for (const method of ['_write', '_writev'] as const) {
    const original = socket[method].bind(socket);
    socket[method] = (...args) => {
      counter.count++;
      original(...args);
    };
  }
  return counter;
}

/** Publishes a burst the way a busy service answers: each message flushed on its own by nats.js. */
async function publishBurst(nc: NatsConnection, subject: string): Promise<void> {
  for (let i = 0; i < BURST; i++) {
    nc.publish(subject, String(i));
    await Promise.resolve(); // nats.js flushes in a microtask; this lets it run between messages
  }
}

async function reconnection(nc: NatsConnection): Promise<void> {
  for await (const status of nc.status()) if (status.type === 'reconnect') return;
}

describe('coalescing NATS transport', () => {
  let nats: TestServer;
  let subscriber: NatsConnection;
  let plain: NatsConnection;
  let coalescing: NatsConnection;

  beforeAll(async () => {
    nats = await startNatsServer();
    subscriber = await connect({ servers: nats.url });
    // Before the coalescing connection: transport-node's connect() resets the global transport factory.
    plain = await connect({ servers: nats.url });
    coalescing = await connectNats({ url: nats.url, name: 'coalescing-test' });
  });

  afterAll(async () => {
    await Promise.all([subscriber, plain, coalescing].map((nc) => nc?.close()));
    await nats?.dispose();
  });

  const expected = Array.from({ length: BURST }, (_, i) => String(i));

  /** Sends a burst through `publisher` to the subscriber: what arrived, and in how many socket writes it left. */
  async function sendBurst(publisher: NatsConnection, subject: string): Promise<{ received: string[]; writes: number }> {
    const sub = subscriber.subscribe(subject, { max: BURST });
    await subscriber.flush();
    const writes = countWrites(publisher);
    await publishBurst(publisher, subject);
    const received: string[] = [];
    for await (const msg of sub) received.push(msg.string());
    return { received, writes: writes.count };
  }

  it('sends what one turn of the event loop publishes in one write, in order', async () => {
    const { received, writes } = await sendBurst(coalescing, 'burst.coalesced');
    expect(received).toEqual(expected);
    expect(writes).toBe(1);
  });

  it('writes each flush on its own without it (what the test would see if coalescing broke)', async () => {
    const { received, writes } = await sendBurst(plain, 'burst.plain');
    expect(received).toEqual(expected);
    expect(writes).toBeGreaterThanOrEqual(BURST);
  });

  it('keeps coalescing after reconnecting to a restarted server', async () => {
    const reconnected = Promise.all([coalescing, subscriber].map(reconnection));
    await nats.stop();
    await nats.start();
    await reconnected;

    expect(transportOf(coalescing)).toBeInstanceOf(CoalescingNodeTransport);
    const { received, writes } = await sendBurst(coalescing, 'burst.reconnected');
    expect(received).toEqual(expected);
    expect(writes).toBe(1);
  });

  it("gives Nest's NATS transport the same connection", async () => {
    const { strategy } = natsMicroserviceOptions({ url: nats.url, name: 'nest-test', queue: 'test' });
    const nc = await (strategy as unknown as { createNatsClient(): Promise<NatsConnection> }).createNatsClient();
    try {
      expect(transportOf(nc)).toBeInstanceOf(CoalescingNodeTransport);
    } finally {
      await nc.close();
    }
  });
});
