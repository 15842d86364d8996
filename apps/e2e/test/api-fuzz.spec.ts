import fc from 'fast-check';
import type { CategoryView, ExpenseView } from '@irp/contracts';
import { httpClient, startTestPlatform, type TestPlatform } from '@irp/testing';
import { fuzzOperations, type FuzzRequest, type OpenApiDocument } from './fuzz/api-requests';
import { newSession } from './session';

// A seeded, bounded fuzz run over every operation of the OpenAPI document: bodies and parameters
// generated from its schemas, mixed with hostile values (deep nesting, huge and broken text, wrong
// types, odd content types, bad tokens). Whatever comes in, the answer must not be a 5xx.
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 60);

interface Failure {
  operation: string;
  request: string;
  status: number | string;
  answer: string;
}

describe('the API under fuzzing', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    // Rate limits would answer most of the run with 429s: this test is about what lies behind them.
    const unlimited = { AUTH_RATE_LIMIT: '1000000', RATE_LIMIT_READS: '1000000', RATE_LIMIT_WRITES: '1000000', RATE_LIMIT_UPLOADS: '1000000' };
    platform = await startTestPlatform({ serviceEnv: { gateway: unlimited } });
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('refuses a body nested 10,000 deep on every JSON route with a 400 that says so', async () => {
    const api = httpClient(`${platform.gatewayUrl}/api/v1`);
    const user = await newSession(api);
    const deep = `{"name":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    for (const [method, route] of [['POST', '/auth/register'], ['POST', '/auth/refresh'], ['POST', '/expenses'], ['POST', '/categories'], ['PATCH', '/settings']]) {
      const response = await fetch(`${platform.gatewayUrl}/api/v1${route}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` }, body: deep });
      expect({ route, status: response.status, body: await response.json() }).toMatchObject({
        route,
        status: 400,
        body: { code: 'VALIDATION', detail: 'the JSON body is nested deeper than 64 levels' },
      });
    }
  });

  it('refuses text PostgreSQL cannot store, naming the field, and keeps right-to-left marks', async () => {
    const api = httpClient(`${platform.gatewayUrl}/api/v1`);
    const user = await newSession(api);
    const withNul = await api.post<{ errors: { field: string; messages: string[] }[] }>('/categories', { name: '\u202eabc\u0000\u200f' }, { token: user.token });
    expect(withNul.status).toBe(400);
    expect(withNul.body.errors).toEqual([{ field: 'name', messages: ['name must not contain the NUL character (\\u0000)'] }]);
    const unpaired = await api.post<{ errors: { field: string }[] }>('/expenses', { vendor: 'Cafe \ud800', date: '2026-03-01', amount: '1.00', currency: 'EUR' }, { token: user.token });
    expect(unpaired.status).toBe(400);
    expect(unpaired.body.errors.map((error) => error.field)).toEqual(['vendor']);
    const rightToLeft = await api.post<CategoryView>('/categories', { name: '\u200fמסעדות\u202e' }, { token: user.token });
    expect(rightToLeft.status).toBe(201);
    expect(rightToLeft.body.name).toBe('\u200fמסעדות\u202e');
    const stored = await api.get<{ items: CategoryView[] }>('/categories', { token: user.token });
    expect(stored.body.items.map((category) => category.name)).toContain('\u200fמסעדות\u202e');
  });

  it(`answers no operation with a 5xx (seed ${SEED}, ${RUNS_PER_OPERATION} requests per operation)`, async () => {
    const api = httpClient(`${platform.gatewayUrl}/api/v1`);
    const user = await newSession(api);
    const expense = await api.post<ExpenseView>('/expenses', { vendor: 'Cafe', date: '2026-03-01', amount: '12.34', currency: 'EUR' }, { token: user.token });
    const category = await api.post<CategoryView>('/categories', { name: 'fuzzed' }, { token: user.token });
    const document = (await (await fetch(`${platform.gatewayUrl}/api/docs-json`)).json()) as OpenApiDocument;
    const operations = fuzzOperations(document, { token: user.token, knownIds: [expense.body.id, category.body.id] });
    expect(operations.length).toBeGreaterThan(20);

    const failures: Failure[] = [];
    let sent = 0;
    const accepted = new Set<string>();
    for (const [index, operation] of operations.entries()) {
      for (const request of fc.sample(operation.requests, { seed: SEED + index, numRuns: RUNS_PER_OPERATION })) {
        const status = await send(platform.gatewayUrl, request);
        sent++;
        if (typeof status !== 'string' && status.code >= 200 && status.code < 300) accepted.add(operation.name);
        if (typeof status === 'string' || status.code >= 500) {
          failures.push({ operation: operation.name, request: summary(request), status: typeof status === 'string' ? status : status.code, answer: typeof status === 'string' ? '' : status.body });
        }
      }
    }

    expect(sent).toBe(operations.length * RUNS_PER_OPERATION);
    // Not only refusals: generated requests also got through to the database.
    expect([...accepted]).toEqual(expect.arrayContaining(['POST /api/v1/expenses', 'GET /api/v1/expenses', 'POST /api/v1/categories', 'PATCH /api/v1/settings']));
    expect(failures).toEqual([]);
    expect((await api.get('/auth/me', { token: user.token })).status).toBe(200); // and it still serves
  }, 110_000);
});

/** The status (and the start of the body of a 5xx), or why no answer came. */
async function send(baseUrl: string, request: FuzzRequest): Promise<{ code: number; body: string } | string> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}${request.url}`, { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    const reason = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    // Requests the client itself refuses to send (a body on GET, an invalid header) test nothing.
    if ((error as Error).name === 'TypeError' && !/fetch failed/.test((error as Error).message)) return { code: 0, body: '' };
    return `no answer: ${reason}`;
  }
  // Streams (SSE, CSV) need not be read to the end; a 5xx body says what failed.
  const body = response.status >= 500 ? (await response.text()).slice(0, 300) : '';
  await response.body?.cancel().catch(() => undefined);
  return { code: response.status, body };
}

function summary(request: FuzzRequest): string {
  const body = typeof request.body === 'string' ? request.body.slice(0, 200) : request.body ? `<${request.body.length} bytes>` : '';
  return `${request.method} ${request.url.slice(0, 200)} ${JSON.stringify(request.headers).slice(0, 200)} ${body}`;
}
