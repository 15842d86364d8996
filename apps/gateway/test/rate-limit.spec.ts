import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startNatsServer, type TestServer } from '@irp/testing';
import { createGateway } from '../src/bootstrap';

/** Two gateway replicas on one real NATS server: the rate-limit counters live in its KV bucket. */
describe('rate limits across gateway replicas', () => {
  let nats: TestServer;
  let replicas: NestFastifyApplication[];
  let urls: string[];

  beforeAll(async () => {
    nats = await startNatsServer();
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      NATS_URL: nats.url,
      HOST: '127.0.0.1',
      PORT: '0',
      OPS_HOST: '127.0.0.1',
      OPS_PORT: '0',
      TRUST_PROXY: 'true', // client IPs from X-Forwarded-For, so one test plays many clients
      RATE_LIMIT_READS: '4',
      RATE_LIMIT_WRITES: '2',
      RATE_LIMIT_WINDOW_SECONDS: '60',
    };
    replicas = [await createGateway(env), await createGateway(env)];
    urls = await Promise.all(replicas.map((app) => app.getUrl()));
  });

  afterAll(async () => {
    await Promise.all(replicas?.map((app) => app.close()) ?? []);
    await nats?.dispose();
  });

  /** An anonymous call from a client IP to one replica (protected routes answer 401 once counted). */
  const call = (replica: number, ip: string, init: { method?: string; path?: string; headers?: Record<string, string> } = {}) =>
    fetch(`${urls[replica]}/api/v1${init.path ?? '/expenses'}`, { method: init.method ?? 'GET', headers: { 'x-forwarded-for': ip, ...init.headers } });

  it('counts the calls a client makes to either replica against one budget', async () => {
    const ip = '203.0.113.10';
    const answers = [];
    for (const replica of [0, 1, 0, 1, 0, 1]) answers.push(await call(replica, ip));
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 429, 429]);
    expect(answers.slice(0, 4).map((a) => a.headers.get('ratelimit'))).toEqual([3, 2, 1, 0].map((r) => expect.stringMatching(new RegExp(`^"reads";r=${r};t=\\d+$`))));
    expect(answers[0].headers.get('ratelimit-policy')).toBe('"reads";q=4;w=60');
  });

  it('answers 429 as problem+json with Retry-After and the RateLimit fields', async () => {
    const ip = '203.0.113.11';
    for (let i = 0; i < 4; i++) await call(i % 2, ip);
    const refused = await call(0, ip);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED', detail: expect.stringContaining('4 reads requests per 60 s') });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit')).toBe(`"reads";r=0;t=${retryAfter}`);
    expect(refused.headers.get('ratelimit-policy')).toBe('"reads";q=4;w=60');
  });

  it('limits anonymous callers per IP: another address still gets through', async () => {
    for (let i = 0; i < 5; i++) await call(i % 2, '198.51.100.1');
    expect((await call(0, '198.51.100.1')).status).toBe(429);
    expect((await call(1, '198.51.100.2')).status).toBe(401);
  });

  it('counts a call with an invalid access token as anonymous, against its IP', async () => {
    const ip = '198.51.100.3';
    const headers = { authorization: 'Bearer not-a-token' };
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(i % 2, ip, { headers })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
  });

  it('keeps reads and writes in separate budgets', async () => {
    const ip = '198.51.100.4';
    for (let i = 0; i < 4; i++) await call(i % 2, ip);
    expect((await call(0, ip)).status).toBe(429);
    const writes = [];
    for (let i = 0; i < 3; i++) writes.push(await call(i % 2, ip, { method: 'DELETE', path: '/expenses/00000000-0000-4000-8000-000000000000' }));
    expect(writes.map((w) => w.status)).toEqual([401, 401, 429]);
    expect(writes[0].headers.get('ratelimit-policy')).toBe('"writes";q=2;w=60');
  });
});
