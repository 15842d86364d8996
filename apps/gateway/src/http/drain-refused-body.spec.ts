import Fastify, { type FastifyInstance } from 'fastify';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { drainRefusedBodies } from './drain-refused-body';

const BODY_LIMIT = 1024 * 1024;

/** Sends 3 MB of JSON in 64 kB pieces, as a client on a slow link would. */
async function sendSlowly(port: number): Promise<{ status?: number; answeredAt?: number; lastWriteAt: number; writeError?: string }> {
  const body = Buffer.from(`{"name":"${'x'.repeat(3 * BODY_LIMIT)}"}`);
  const outcome: { status?: number; answeredAt?: number; lastWriteAt: number; writeError?: string } = { lastWriteAt: 0 };
  const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/things', headers: { 'content-type': 'application/json', 'content-length': body.length } });
  const answered = new Promise<void>((resolve) => {
    req.on('response', (response) => {
      outcome.status = response.statusCode;
      outcome.answeredAt = performance.now();
      response.resume().on('end', resolve);
    });
    req.on('error', (error) => {
      outcome.writeError = (error as NodeJS.ErrnoException).code ?? error.message;
      resolve();
    });
  });
  for (let offset = 0; offset < body.length && !outcome.writeError; offset += 64 * 1024) {
    req.write(body.subarray(offset, offset + 64 * 1024));
    outcome.lastWriteAt = performance.now();
    await sleep(2);
  }
  req.end();
  await answered;
  return outcome;
}

describe(drainRefusedBodies.name, () => {
  let fastify: FastifyInstance;

  beforeAll(async () => {
    fastify = Fastify({ bodyLimit: BODY_LIMIT });
    drainRefusedBodies(fastify);
    fastify.post('/things', async () => ({ ok: true }));
    await fastify.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(() => fastify.close());

  it('answers a refused body only once the client has sent all of it, so the client hears the 413', async () => {
    const outcome = await sendSlowly((fastify.server.address() as AddressInfo).port);

    expect(outcome).toMatchObject({ status: 413 });
    expect(outcome.writeError).toBeUndefined();
    expect(outcome.answeredAt).toBeGreaterThan(outcome.lastWriteAt);
  });
});
