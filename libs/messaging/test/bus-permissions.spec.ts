import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { busPermissions, deploymentAuthorizationConfig, inboxPrefixOf, natsAuthorizationConfig, platformBusUsers, SERVICE_CONTRACTS, STREAMS, SUBJECTS } from '@irp/contracts';
import { LocalNatsServer } from '@irp/embedded-infra';
import { createEvent, ensureStream, natsConnectionOptions } from '../src';

const password = () => randomBytes(12).toString('hex');

describe('the bus: authenticated, least privilege', () => {
  const passwords = Object.fromEntries(SERVICE_CONTRACTS.map(({ service }) => [service, password()]));
  const operator = { user: 'operator', password: password() };
  let dir: string;
  let server: LocalNatsServer;
  let admin: NatsConnection;
  const connections: NatsConnection[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'irp-bus-'));
    const config = natsAuthorizationConfig([...platformBusUsers((service) => passwords[service]), operator]);
    server = await LocalNatsServer.start({ dataDir: dir, config, logFile: path.join(dir, 'nats.log') });
    admin = await connect({ servers: server.url, user: operator.user, pass: operator.password });
    for (const stream of [STREAMS.EXPENSES, STREAMS.OCR]) await ensureStream(admin, stream);
  });

  afterAll(async () => {
    await Promise.all(connections.map((nc) => nc.close()));
    await admin?.close();
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function as(service: string): Promise<NatsConnection> {
    const nc = await connect(natsConnectionOptions({ url: server.url, name: `${service}-test`, credentials: { user: service, password: passwords[service] } }));
    connections.push(nc);
    return nc;
  }

  const messagesIn = async (stream: string) => (await (await jetstreamManager(admin)).streams.info(stream)).state.messages;

  it('refuses a connection without credentials, or with a wrong password', async () => {
    await expect(connect({ servers: server.url, reconnect: false })).rejects.toThrow(/Authorization/i);
    await expect(connect({ servers: server.url, user: 'ocr', pass: 'guessed', reconnect: false })).rejects.toThrow(/Authorization/i);
  });

  it("refuses a service publishing another service's event: nothing reaches the stream", async () => {
    const ocr = await as('ocr');
    const forged = createEvent(SUBJECTS.expenseCreated, randomUUID(), { expense: {} } as never);
    await expect(jetstream(ocr).publish(forged.type, JSON.stringify(forged), { timeout: 2_000 })).rejects.toThrow(/Permissions Violation/i);
    expect(await messagesIn(STREAMS.EXPENSES.name)).toBe(0);

    const own = createEvent(SUBJECTS.extractionStarted, randomUUID(), { documentId: randomUUID() });
    await jetstream(ocr).publish(own.type, JSON.stringify(own));
    expect(await messagesIn(STREAMS.OCR.name)).toBe(1);
  });

  it('lets a service call only what it declares, and serve only its own subjects', async () => {
    const ocr = await as('ocr');
    await expect(ocr.request(SUBJECTS.getUser, JSON.stringify({ userId: randomUUID() }), { timeout: 2_000 })).rejects.toThrow(/Permissions Violation/i);

    const expenses = await as('expenses');
    const stolen = expenses.subscribe(SUBJECTS.getUser);
    await expect(stolen.closed).resolves.toBeInstanceOf(Error);

    const auth = await as('auth');
    const served = auth.subscribe(SUBJECTS.getUser, { queue: 'auth', callback: (_error, message) => {
        message.respond(JSON.stringify({ ok: true }));
      },
    });
    const gateway = await as('gateway');
    expect((await gateway.request(SUBJECTS.getUser, '{}', { timeout: 2_000 })).json()).toEqual({ ok: true });
    served.unsubscribe();
  });

  it('lets a consumer create the stream it consumes when it starts first, but not reconfigure it', async () => {
    const expenses = await as('expenses');
    const ocrStream = await (await jetstreamManager(expenses)).streams.info(STREAMS.OCR.name);
    await expect((await jetstreamManager(expenses)).streams.update(STREAMS.OCR.name, { ...ocrStream.config, subjects: ['ocr.>'] })).rejects.toThrow(/Permissions Violation/i);
    expect((await (await jetstreamManager(admin)).streams.info(STREAMS.OCR.name)).config.subjects).toEqual(['ocr.events.>']);
  });

  it("keeps each service's replies to itself: no one subscribes to another's inboxes", async () => {
    const expenses = await as('expenses');
    const eavesdrop = expenses.subscribe(`${inboxPrefixOf('gateway')}.>`);
    await expect(eavesdrop.closed).resolves.toBeInstanceOf(Error);
  });

  it('derives every permission from the declarations: nothing broader than a service needs', () => {
    for (const { service } of SERVICE_CONTRACTS) {
      const { publish, subscribe } = busPermissions(service, SERVICE_CONTRACTS);
      expect([...publish, ...subscribe].filter((subject) => subject === '>' || subject.startsWith('>') || /^(\$JS|\$JS\.API|_INBOX)\.>$/.test(subject))).toEqual([]);
      expect(subscribe).toContain(`${inboxPrefixOf(service)}.>`);
    }
    expect(busPermissions('ocr', SERVICE_CONTRACTS).publish).toContain(SUBJECTS.extractionCompleted);
    expect(busPermissions('ocr', SERVICE_CONTRACTS).publish).not.toContain(SUBJECTS.ocrJobRequested);
    expect(busPermissions('expenses', SERVICE_CONTRACTS).publish).toContain(SUBJECTS.ocrJobRequested);
  });
});

describe(deploymentAuthorizationConfig.name, () => {
  it.each(['deploy/nats/authorization.conf', 'k8s/overlays/dev/authorization.conf'])('matches the committed %s (run `npm run nats:authorization`)', (file) => {
    expect(readFileSync(path.join(__dirname, '../../..', file), 'utf8')).toBe(deploymentAuthorizationConfig());
  });
});
