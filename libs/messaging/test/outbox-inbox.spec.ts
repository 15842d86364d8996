import 'reflect-metadata';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { MikroORM } from '@mikro-orm/postgresql';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { SUBJECTS, type EventEnvelope } from '@irp/contracts';
import { metricsRegistry } from '@irp/observability';
import { serviceOrmConfig } from '@irp/persistence';
import { startTestInfrastructure, type TestInfrastructure } from '@irp/testing';
import {
  assertOwner,
  connectNats,
  createEvent,
  DurableConsumer,
  ensureStream,
  MESSAGING_ENTITIES,
  OutboxMessage,
  outboxNotifyTrigger,
  OutboxRelay,
  publishEvent,
  recordEvent,
} from '../src';

/** The visible effect of handling an event, to count how often it was applied. */
@Entity({ tableName: 'applied_effect' })
class AppliedEffect {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  eventId: string;

  constructor(eventId: string) {
    this.eventId = eventId;
  }
}

const STREAM = { name: 'AUTH', subjects: ['auth.events.>'] };

describe('outbox and inbox', () => {
  let infra: TestInfrastructure;
  let orm: MikroORM;
  let nc: NatsConnection;
  let js: JetStreamClient;

  beforeAll(async () => {
    infra = await startTestInfrastructure();
    orm = await MikroORM.init(
      serviceOrmConfig({ schema: 'auth', databaseUrl: infra.database.url, entities: [...MESSAGING_ENTITIES, AppliedEffect], migrations: [] }),
    );
    await orm.schema.create();
    nc = await connectNats({ url: infra.nats.url, name: 'outbox-test' });
    js = jetstream(nc);
    await ensureStream(nc, STREAM);
  });

  afterAll(async () => {
    await nc?.close();
    await orm?.close();
    await infra?.dispose();
  });

  beforeEach(async () => {
    await (await jetstreamManager(nc)).streams.purge(STREAM.name);
    await orm.em.fork().nativeDelete(OutboxMessage, {});
  });

  async function recordRegistration(): Promise<EventEnvelope> {
    const userId = randomUUID();
    return orm.em.fork().transactional(async (em) => recordEvent(em, SUBJECTS.userRegistered, userId, { userId, email: `${userId}@example.com` }));
  }

  async function streamMessages(): Promise<number> {
    return (await (await jetstreamManager(nc)).streams.info(STREAM.name)).state.messages;
  }

  async function unpublished(): Promise<number> {
    return orm.em.fork().count(OutboxMessage, { publishedAt: null });
  }

  it('publishes an event exactly once even when the relay crashes between publishing and marking', async () => {
    await recordRegistration();
    const crashing = new OutboxRelay(orm, js, {
      afterPublish: () => {
        throw new Error('relay crashed');
      },
    });
    await expect(crashing.publishPending()).rejects.toThrow('relay crashed');
    expect(await streamMessages()).toBe(1);
    expect(await unpublished()).toBe(1);

    const relay = new OutboxRelay(orm, js);
    expect(await relay.publishPending()).toBe(1);
    expect(await unpublished()).toBe(0);
    expect(await streamMessages()).toBe(1);
  });

  it('publishes an event directly at most once per event id', async () => {
    const userId = randomUUID();
    const event = createEvent(SUBJECTS.userRegistered, userId, { userId, email: 'direct@example.com' });
    expect((await publishEvent(js, event)).duplicate).toBe(false);
    expect((await publishEvent(js, event)).duplicate).toBe(true);
    expect(await streamMessages()).toBe(1);
  });

  it('publishes nothing for a transaction that rolled back', async () => {
    const rolledBack = orm.em.fork().transactional(async (em) => {
      recordEvent(em, SUBJECTS.userRegistered, randomUUID(), { userId: randomUUID(), email: 'x@example.com' });
      throw new Error('business rule failed');
    });
    await expect(rolledBack).rejects.toThrow('business rule failed');
    expect(await new OutboxRelay(orm, js).publishPending()).toBe(0);
    expect(await streamMessages()).toBe(0);
  });

  it('keeps the order events were written in, across batches', async () => {
    const written = [];
    for (let i = 0; i < 7; i++) written.push(await recordRegistration());
    const relay = new OutboxRelay(orm, js, { batchSize: 3 });
    while ((await relay.publishPending()) > 0);
    const consumer = await (await jetstreamManager(nc)).consumers.add(STREAM.name, { ack_policy: 'none' as never });
    const messages = await (await js.consumers.get(STREAM.name, consumer.name)).fetch({ max_messages: 7, expires: 2000 });
    const received: string[] = [];
    for await (const message of messages) received.push(message.json<EventEnvelope>().id);
    expect(received).toEqual(written.map((event) => event.id));
  });

  it('applies a redelivered event once, and a failed attempt not at all', async () => {
    const event = await recordRegistration();
    await new OutboxRelay(orm, js).publishPending();
    // The same event delivered again under another message id: what a lost ack looks like to a consumer.
    await js.publish(event.type, JSON.stringify(event), { msgID: randomUUID() });

    let attempts = 0;
    const consumer = await DurableConsumer.start(nc, orm, { stream: STREAM.name, durable: 'effect-test', filterSubject: 'auth.events.>' }, {
      [SUBJECTS.userRegistered]: async (_data, received) => {
        attempts++;
        orm.em.persist(new AppliedEffect(received.id));
        if (attempts === 1) throw new Error('first attempt fails after writing');
      },
    });
    try {
      await waitUntil(async () => (await orm.em.fork().count(AppliedEffect, { eventId: event.id })) === 1 && attempts >= 2);
      await sleep(500); // the duplicate delivery has had its chance
      expect(await orm.em.fork().count(AppliedEffect, { eventId: event.id })).toBe(1);
    } finally {
      await consumer.stop();
    }
  });

  it('dead-letters an event that keeps failing, with the reason', async () => {
    await recordRegistration();
    await new OutboxRelay(orm, js).publishPending();
    const consumer = await DurableConsumer.start(
      nc,
      orm,
      { stream: STREAM.name, durable: 'always-fails', filterSubject: 'auth.events.>', maxDeliver: 2 },
      {
        [SUBJECTS.userRegistered]: async () => {
          throw new Error('cannot handle this');
        },
      },
    );
    try {
      const dead = await deadLetters('always-fails', 1);
      expect(dead[0].headers?.get('Irp-Dead-Letter-Reason')).toBe('cannot handle this');
      expect(dead[0].headers?.get('Irp-Delivery-Count')).toBe('2');
    } finally {
      await consumer.stop();
    }
  });

  describe('what comes off the stream is checked before a handler sees it', () => {
    const applied: string[] = [];
    let consumer: DurableConsumer<typeof SUBJECTS.userRegistered>;

    beforeAll(async () => {
      await (await jetstreamManager(nc)).streams.purge(STREAM.name);
      consumer = await DurableConsumer.start(
        nc,
        orm,
        { stream: STREAM.name, durable: 'checked', filterSubject: 'auth.events.>' },
        {
          [SUBJECTS.userRegistered]: async (data, event) => {
            assertOwner(event, data.userId, `user ${data.userId}`);
            applied.push(data.email);
          },
        },
      );
    });

    afterAll(() => consumer.stop());

    const publishRaw = (body: unknown, subject: string = SUBJECTS.userRegistered) =>
      js.publish(subject, typeof body === 'string' ? body : JSON.stringify(body), { msgID: randomUUID() });

    function registration(userId: string, data: Record<string, unknown>): Record<string, unknown> {
      return { ...createEvent(SUBJECTS.userRegistered, userId, { userId, email: 'x@example.com' }), data };
    }

    it('dead-letters payloads of the wrong types or with fields missing, with the reason, and keeps consuming', async () => {
      const userId = randomUUID();
      await publishRaw(registration(userId, { userId, email: 42 }));
      await publishRaw(registration(userId, { userId }));
      await publishRaw('{ not json');
      await publishRaw({ ...registration(userId, { userId, email: 'y@example.com' }), subject: { userId: 'nobody' } });
      await publishRaw({ ...registration(userId, { userId, email: 'z@example.com' }), type: 'auth.events.user.deleted.v1' });
      const valid = createEvent(SUBJECTS.userRegistered, userId, { userId, email: 'valid@example.com' });
      await publishEvent(js, valid);

      const reasons = (await deadLetters('checked', 5)).map((message) => message.headers?.get('Irp-Dead-Letter-Reason'));
      expect(reasons).toEqual([
        expect.stringMatching(/^invalid event: email: .*email/),
        expect.stringMatching(/^invalid event: email: /),
        expect.stringMatching(/^undecodable message/),
        expect.stringMatching(/^invalid event: subject\.userId: /),
        'invalid event: type auth.events.user.deleted.v1 arrived on auth.events.user.registered.v1',
      ]);
      await waitUntil(async () => applied.includes('valid@example.com'));
      expect(applied).toEqual(['valid@example.com']);
    });

    it('dead-letters an event about a resource its user does not own, without applying it', async () => {
      const owner = randomUUID();
      const intruder = randomUUID();
      await publishRaw(registration(intruder, { userId: owner, email: 'stolen@example.com' }));
      const [dead] = await deadLetters('checked', 1);
      expect(dead.headers?.get('Irp-Dead-Letter-Reason')).toBe(`the event's user does not own user ${owner}`);
      expect(applied).not.toContain('stolen@example.com');
    });

    it('acks an event type it has no handler for and counts it', async () => {
      const before = await ignoredCount('auth.events.user.renamed.v1');
      await publishRaw({ ...registration(randomUUID(), {}), type: 'auth.events.user.renamed.v1' }, 'auth.events.user.renamed.v1');
      await waitUntil(async () => (await ignoredCount('auth.events.user.renamed.v1')) === before + 1);
      const info = await (await jetstreamManager(nc)).consumers.info(STREAM.name, 'checked');
      expect(info.num_ack_pending + info.num_pending).toBe(0);
    });
  });

  const deadLettersSeen = new Map<string, number>();

  /** The next `count` messages dead-lettered by a consumer, in order. */
  async function deadLetters(durable: string, count: number) {
    const skip = deadLettersSeen.get(durable) ?? 0;
    const dlq = await (await jetstreamManager(nc)).consumers.add('DLQ', { ack_policy: 'none' as never, filter_subject: `dlq.AUTH.${durable}` });
    const messages = await (await js.consumers.get('DLQ', dlq.name)).fetch({ max_messages: skip + count, expires: 10_000 });
    const dead = [];
    for await (const message of messages) dead.push(message);
    expect(dead).toHaveLength(skip + count);
    deadLettersSeen.set(durable, skip + count);
    return dead.slice(skip);
  }

  async function ignoredCount(type: string): Promise<number> {
    const metric = await metricsRegistry.getSingleMetric('events_ignored_total')?.get();
    return metric?.values.find((value) => value.labels.type === type)?.value ?? 0;
  }
});

describe('outbox relay wake-ups', () => {
  let infra: TestInfrastructure;
  let orm: MikroORM;
  let nc: NatsConnection;
  const relays: OutboxRelay[] = [];

  beforeAll(async () => {
    infra = await startTestInfrastructure();
    orm = await MikroORM.init(serviceOrmConfig({ schema: 'auth', databaseUrl: infra.database.url, entities: MESSAGING_ENTITIES, migrations: [] }));
    await orm.schema.create();
    for (const sql of outboxNotifyTrigger('auth').up) await orm.em.fork().execute(sql);
    nc = await connectNats({ url: infra.nats.url, name: 'outbox-wake-up-test' });
    await ensureStream(nc, STREAM);
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
  });

  afterAll(async () => {
    await nc?.close();
    await orm?.close();
    await infra?.dispose();
  });

  /** A relay that polls only once an hour: whatever it publishes sooner, a notification woke it for. */
  function startRelay(options: { listen?: boolean; pollIntervalMs?: number } = {}): OutboxRelay {
    const relay = new OutboxRelay(orm, jetstream(nc), { pollIntervalMs: 3_600_000, ...options });
    relay.start();
    relays.push(relay);
    return relay;
  }

  async function record(): Promise<string> {
    const userId = randomUUID();
    const event = await orm.em.fork().transactional(async (em) => recordEvent(em, SUBJECTS.userRegistered, userId, { userId, email: `${userId}@example.com` }));
    return event.id;
  }

  const published = async (eventId: string) => (await orm.em.fork().findOneOrFail(OutboxMessage, { eventId })).publishedAt !== null;

  async function listeners(): Promise<number[]> {
    const rows = await orm.em.fork().execute<{ pid: number }[]>(`select pid from pg_stat_activity where application_name like 'outbox listener%'`);
    return rows.map((row) => row.pid);
  }

  async function listeningMetric(): Promise<number | undefined> {
    const metric = await metricsRegistry.getSingleMetric('outbox_listening')?.get();
    return metric?.values.find((value) => value.labels.channel === 'auth_outbox')?.value;
  }

  it('publishes an event as soon as its transaction commits', async () => {
    const relay = startRelay();
    await waitUntil(async () => (await listeningMetric()) === 1);
    const eventId = await record();
    await waitUntil(() => published(eventId), 3_000);
    await relay.stop();
    expect(await listeningMetric()).toBe(0);
  });

  it('listens again after its connection is cut, and catches up on what was committed meanwhile', async () => {
    startRelay();
    await waitUntil(async () => (await listeners()).length === 1);
    const [cut] = await listeners();
    await orm.em.fork().execute('select pg_terminate_backend(?)', [cut]);
    const duringTheGap = await record();
    await waitUntil(async () => (await listeners()).some((pid) => pid !== cut));
    await waitUntil(() => published(duringTheGap), 3_000);
    const afterwards = await record();
    await waitUntil(() => published(afterwards), 3_000);
  });

  it('still polls when it does not listen', async () => {
    startRelay({ listen: false, pollIntervalMs: 100 });
    const eventId = await record();
    await waitUntil(() => published(eventId), 3_000);
    expect(await listeners()).toEqual([]);
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(50);
  }
}
