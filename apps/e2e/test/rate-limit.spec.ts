import { randomBytes, randomUUID } from 'node:crypto';
import type { TokenPair } from '@irp/contracts';
import { httpClient, startTestPlatform, type HttpClient, type TestPlatform } from '@irp/testing';

const PASSWORD = 'correct horse battery staple';

describe('rate limits', () => {
  let platform: TestPlatform;
  let api: HttpClient;

  beforeAll(async () => {
    platform = await startTestPlatform({
      serviceEnv: {
        gateway: {
          TRUST_PROXY: 'true', // X-Forwarded-For names the client: one test plays callers from many addresses
          AUTH_RATE_LIMIT: '3',
          AUTH_RATE_LIMIT_WINDOW_SECONDS: '60',
          RATE_LIMIT_READS: '5',
          RATE_LIMIT_WRITES: '5',
          RATE_LIMIT_WINDOW_SECONDS: '60',
          RATE_LIMIT_UPLOADS: '10',
          RATE_LIMIT_UPLOAD_BYTES: '100000',
        },
      },
    });
    api = httpClient(`${platform.gatewayUrl}/api/v1`);
  });

  afterAll(async () => {
    await platform?.close();
  });

  const from = (ip: string) => ({ 'x-forwarded-for': ip });

  /** A new user, signed up and logged in from an address of its own (sign-in routes are limited per IP). */
  async function newUser(): Promise<string> {
    const ip = `10.${randomBytes(3).join('.')}`;
    const email = `user-${randomUUID()}@example.com`;
    expect((await api.post('/auth/register', { email, password: PASSWORD }, { headers: from(ip) })).status).toBe(201);
    return (await api.post<TokenPair>('/auth/login', { email, password: PASSWORD }, { headers: from(ip) })).body.accessToken;
  }

  it('answers 429 with Retry-After once a client exceeds the sign-in limit', async () => {
    const attempt = () => api.post<{ code: string }>('/auth/login', { email: 'someone@example.com', password: 'guessing-passwords' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401]);

    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('ratelimit-policy')).toBe('"auth";q=3;w=60');
  });

  it("refuses one user's burst with 429 while another user's requests, from the same address at the same time, pass", async () => {
    const [greedy, patient] = await Promise.all([newUser(), newUser()]);
    const office = from('192.0.2.50');
    const list = (token: string) => api.get('/expenses', { token, headers: office });
    const calls = Array.from({ length: 15 }, (_, i) => (i % 3 === 2 ? { who: 'patient', answer: list(patient) } : { who: 'greedy', answer: list(greedy) }));
    const answers = await Promise.all(calls.map(async ({ who, answer }) => ({ who, ...(await answer) })));

    const greedyStatuses = answers.filter((a) => a.who === 'greedy').map((a) => a.status);
    expect(greedyStatuses.filter((s) => s === 200)).toHaveLength(5);
    expect(greedyStatuses.filter((s) => s === 429)).toHaveLength(5);
    expect(answers.filter((a) => a.who === 'patient').map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);

    const refused = answers.find((a) => a.status === 429);
    expect(refused?.headers.get('content-type')).toContain('application/problem+json');
    expect(refused?.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('states the budget on successful answers too (IETF RateLimit and RateLimit-Policy)', async () => {
    const token = await newUser();
    const first = await api.get('/expenses', { token });
    const second = await api.get('/categories', { token });
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-policy')).toBe('"reads";q=5;w=60');
    expect(first.headers.get('ratelimit')).toMatch(/^"reads";r=4;t=(60|59)$/);
    expect(second.headers.get('ratelimit')).toMatch(/^"reads";r=3;t=\d+$/);
    const write = await api.post('/categories', { name: `Travel ${randomUUID().slice(0, 8)}` }, { token });
    expect(write.status).toBe(201);
    expect(write.headers.get('ratelimit')).toMatch(/^"writes";r=4;t=\d+$/);
  });

  it('limits anonymous calls per client address', async () => {
    const jwks = (ip: string) => api.get('/auth/jwks', { headers: from(ip) });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await jwks('198.51.100.77')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await jwks('198.51.100.78')).status).toBe(200);
  });

  it('limits uploads by bytes per window, charging nothing for an upload it refuses', async () => {
    const token = await newUser();
    const send = async (bytes: number) => {
      const response = await fetch(`${platform.gatewayUrl}/api/v1/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
        body: new Uint8Array(randomBytes(bytes)), // not a PDF: refused after the budget, which is what is measured
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as { detail: string } };
    };
    const first = await send(40_000);
    expect(first.status).not.toBe(429);
    expect(first.headers.get('ratelimit-policy')).toBe('"uploads";q=10;w=3600, "upload-bytes";q=100000;w=3600;qu="content-bytes"');
    expect(first.headers.get('ratelimit')).toMatch(/^"uploads";r=9;t=\d+, "upload-bytes";r=60000;t=\d+$/);
    expect((await send(40_000)).status).not.toBe(429);

    const over = await send(40_000);
    expect(over.status).toBe(429);
    expect(over.headers.get('ratelimit')).toMatch(/^"upload-bytes";r=20000;t=\d+$/);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(over.body.detail).toContain('100000 uploaded bytes');

    const small = await send(10_000);
    expect(small.status).not.toBe(429);
    expect(small.headers.get('ratelimit')).toMatch(/"upload-bytes";r=10000;/);
  });
});
