import 'reflect-metadata';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern } from '@nestjs/microservices';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { MikroORM } from '@mikro-orm/postgresql';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { SUBJECTS } from '@irp/contracts';
import { waitFor } from '@irp/embedded-infra';
import { serviceOrmConfig } from '@irp/persistence';
import { startTestInfrastructure, type TestInfrastructure } from '@irp/testing';
import { connectNats, createEvent, DurableConsumer, ensureStream, MESSAGING_ENTITIES, natsMicroserviceOptions } from '../src';

@Entity({ tableName: 'stopped_effect' })
class StoppedEffect {
  @PrimaryKey({ type: 'uuid' })
  eventId: string;

  @Property({ type: 'text' })
  by: string;

  constructor(eventId: string, by: string) {
    this.eventId = eventId;
    this.by = by;
  }
}

const SLOW = 'test.slow.v1';

@Controller()
class SlowController {
  @MessagePattern(SLOW)
  async slow(data: { ms: number; n: number }): Promise<{ n: number; pid: string }> {
    await sleep(data.ms);
    return { n: data.n, pid: String(this.replica) };
  }

  replica = '';
}

@Module({ controllers: [SlowController] })
class SlowModule {}

const STREAM = { name: 'AUTH', subjects: ['auth.events.>'] };

describe('stopping gracefully', () => {
  let infra: TestInfrastructure;
  let nc: NatsConnection;

  beforeAll(async () => {
    infra = await startTestInfrastructure();
    nc = await connectNats({ url: infra.nats.url, name: 'graceful-test' });
  });

  afterAll(async () => {
    await nc?.close();
    await infra?.dispose();
  });

  describe('the RPC server', () => {
    async function replica(name: string): Promise<INestMicroservice> {
      const app = await NestFactory.createMicroservice(SlowModule, { ...natsMicroserviceOptions({ url: infra.nats.url, name, queue: 'slow' }), logger: false });
      app.get(SlowController).replica = name;
      await app.listen();
      // listen() resolves before the NATS server has the subscription: a request sent at once may
      // find no responder (CI saw it happen to the first replica's in-flight requests).
      await waitFor('a responder', () => call(0, 0).then(() => true), 5_000);
      return app;
    }

    /** A request as Nest's NATS client sends it. */
    async function call(ms: number, n: number): Promise<{ response?: { n: number; pid: string }; err?: unknown }> {
      const reply = await nc.request(SLOW, JSON.stringify({ pattern: SLOW, data: { ms, n }, id: String(n) }), { timeout: 10_000 });
      return reply.json();
    }

    it('answers the requests it took, hands new ones to the other replicas, then closes', async () => {
      const a = await replica('a');
      // Longer than Nest's own graceful period (2 s), which then closes the connection under them.
      const inFlight = [1, 2].map((n) => call(3_000, n)); // a is alone: both are a's
      await sleep(300);
      const b = await replica('b');
      try {
        let closed = false;
        const closing = a.close().then(() => (closed = true));
        await sleep(100);
        const afterSignal = await call(10, 3);
        expect(closed).toBe(false);

        const answers = await Promise.all(inFlight);
        await closing;
        expect(answers.map((answer) => answer.response)).toEqual([{ n: 1, pid: 'a' }, { n: 2, pid: 'a' }]);
        expect(afterSignal.response).toEqual({ n: 3, pid: 'b' });
      } finally {
        await b.close();
      }
    });
  });

  describe(`${DurableConsumer.name}.stop`, () => {
    let orm: MikroORM;

    beforeAll(async () => {
      orm = await MikroORM.init(serviceOrmConfig({ schema: 'auth', databaseUrl: infra.database.url, entities: [...MESSAGING_ENTITIES, StoppedEffect], migrations: [] }));
      await orm.schema.create();
      await ensureStream(nc, STREAM);
    });

    afterAll(async () => {
      await orm?.close();
    });

    const applied = async () => orm.em.fork().find(StoppedEffect, {}, { orderBy: { by: 'asc' } });

    function consumer(name: string, handled: (eventId: string) => Promise<void>): Promise<DurableConsumer<typeof SUBJECTS.userRegistered>> {
      // A long ack wait: anything redelivered within the test was handed back, not timed out.
      return DurableConsumer.start(nc, orm, { stream: STREAM.name, durable: 'stopping', filterSubject: 'auth.events.>', ackWaitMs: 120_000 }, {
        [SUBJECTS.userRegistered]: async (_data, event) => {
          orm.em.persist(new StoppedEffect(event.id, name));
          await handled(event.id);
        },
      });
    }

    it('finishes the event it is handling, hands back those it had pulled, and takes no more', async () => {
      const events = [1, 2, 3].map(() => {
        const userId = randomUUID();
        return createEvent(SUBJECTS.userRegistered, userId, { userId, email: `${userId}@example.com` });
      });
      for (const event of events) await jetstream(nc).publish(event.type, JSON.stringify(event), { msgID: event.id });
      let release = () => undefined as void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const started: string[] = [];
      const first = await consumer('first', async (eventId) => {
        started.push(eventId);
        await gate;
      });
      await waitFor('the first event to be taken', async () => started.length === 1);

      let stopped = false;
      const stopping = first.stop().then(() => (stopped = true));
      await sleep(300);
      expect(stopped).toBe(false); // the event in hand is not abandoned
      release();
      await stopping;

      expect(started).toEqual([events[0].id]);
      expect(await applied()).toEqual([expect.objectContaining({ eventId: events[0].id, by: 'first' })]);
      const second = await consumer('second', async () => undefined);
      try {
        await waitFor('the rest to be applied by the next consumer', async () => (await applied()).length === 3, 15_000);
        expect((await applied()).map((effect) => effect.by)).toEqual(['first', 'second', 'second']);
      } finally {
        await second.stop();
      }
    }, 60_000);
  });
});
