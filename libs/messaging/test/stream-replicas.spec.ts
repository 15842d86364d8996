import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { natsAuthorizationConfig, platformBusUsers, SERVICE_CONTRACTS, STREAMS, type StreamDefinition } from '@irp/contracts';
import { LocalNatsCluster, waitFor } from '@irp/embedded-infra';
import { connectNats, DEAD_LETTER_STREAM, ensureStream, ensureStreamExists, resilientJetStream, setStreamReplicas, streamReplicasOf } from '../src';

const password = () => randomBytes(12).toString('hex');

describe('stream replicas (NATS_STREAM_REPLICAS) on a 3-node JetStream cluster', () => {
  const passwords = Object.fromEntries(SERVICE_CONTRACTS.map(({ service }) => [service, password()]));
  const operator = { user: 'operator', password: password() };
  let dir: string;
  let cluster: LocalNatsCluster;
  let admin: NatsConnection;
  const connections: NatsConnection[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'irp-replicas-'));
    const config = natsAuthorizationConfig([...platformBusUsers((service) => passwords[service]), operator]);
    cluster = await LocalNatsCluster.start({ dataDir: dir, config, logDir: dir });
    admin = await connect({ servers: cluster.url.split(','), user: operator.user, pass: operator.password });
  }, 90_000);

  afterAll(async () => {
    await Promise.all(connections.map((nc) => nc.close()));
    await admin?.close();
    await cluster?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function serviceConnection(service: string, streamReplicas?: number): Promise<NatsConnection> {
    const nc = await connectNats({ url: cluster.url, name: `${service}-test`, credentials: { user: service, password: passwords[service] }, streamReplicas });
    connections.push(nc);
    return nc;
  }

  const replicasOf = async (stream: StreamDefinition | { name: string }) => {
    const info = await (await jetstreamManager(admin)).streams.info(stream.name);
    return { configured: info.config.num_replicas, copies: 1 + (info.cluster?.replicas?.length ?? 0) };
  };

  it('creates the streams a service publishes to and consumes with the replicas set for its connection', async () => {
    const expenses = await serviceConnection('expenses', 3);

    await ensureStream(expenses, STREAMS.EXPENSES);
    await ensureStreamExists(expenses, STREAMS.OCR);
    await ensureStreamExists(expenses, DEAD_LETTER_STREAM);

    for (const stream of [STREAMS.EXPENSES, STREAMS.OCR, DEAD_LETTER_STREAM]) expect(await replicasOf(stream)).toEqual({ configured: 3, copies: 3 });
  });

  it('keeps one copy when the connection names none (a single server)', async () => {
    const auth = await serviceConnection('auth');

    await ensureStream(auth, STREAMS.AUTH);

    expect(streamReplicasOf(auth)).toBe(1);
    expect(await replicasOf(STREAMS.AUTH)).toEqual({ configured: 1, copies: 1 });
  });

  it('raises the replicas of an existing stream its owner starts with more', async () => {
    const auth = await serviceConnection('auth', 3);

    await ensureStream(auth, STREAMS.AUTH);

    // The new copies are placed after the update answers.
    await waitFor('AUTH at 3 copies', async () => (await replicasOf(STREAMS.AUTH)).copies === 3, 10_000);
    expect(await replicasOf(STREAMS.AUTH)).toEqual({ configured: 3, copies: 3 });
  });

  it('refuses a replica count NATS cannot have', () => {
    expect(() => setStreamReplicas(admin, 0)).toThrow('stream replicas must be an integer from 1 to 5, not 0');
  });

  it('publishes through the election that follows the death of a stream leader (resilientJetStream)', async () => {
    const ocr = await serviceConnection('ocr', 3);
    await ensureStream(ocr, STREAMS.OCR);
    const leaderName = (await (await jetstreamManager(admin)).streams.info(STREAMS.OCR.name)).cluster?.leader;
    const leader = cluster.servers.find((server) => server.name === leaderName);
    if (!leader) throw new Error(`no leader for OCR among ${cluster.servers.map((server) => server.name).join(', ')}`);
    // A client on another server: it keeps its connection and sees the stream leaderless.
    const survivor = cluster.servers.find((server) => server !== leader);
    const nc = await connect({ servers: survivor?.url, user: operator.user, pass: operator.password });
    connections.push(nc);

    await leader.kill();
    try {
      const subject = 'ocr.events.extraction.started.v1';
      const acks = [];
      for (let i = 0; i < 5; i++) acks.push(await resilientJetStream(nc).publish(subject, JSON.stringify({ i }), { msgID: `election-${i}` }));
      expect(acks.map((ack) => ack.duplicate)).toEqual([false, false, false, false, false]);
    } finally {
      await leader.start();
      await cluster.waitUntilHealthy();
    }
  }, 60_000);

  it('keeps an R3 stream writable and complete when one server dies', async () => {
    const expenses = await serviceConnection('expenses', 3);
    await ensureStream(expenses, STREAMS.EXPENSES);
    const before = (await (await jetstreamManager(admin)).streams.info(STREAMS.EXPENSES.name)).state.messages;

    await cluster.servers[0].kill();
    const subject = STREAMS.EXPENSES.subjects[0].replace('>', 'expense.created.v1');
    // The platform's client: if the dead server led the stream, publishes wait out the election.
    const js = resilientJetStream(admin);
    for (let i = 0; i < 5; i++) await js.publish(subject, JSON.stringify({ i }));
    await cluster.servers[0].start();
    await cluster.waitUntilHealthy();

    expect((await (await jetstreamManager(admin)).streams.info(STREAMS.EXPENSES.name)).state.messages).toBe(before + 5);
  }, 60_000);
});
