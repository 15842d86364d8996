import { randomUUID } from 'node:crypto';
import { httpClient, startTestPlatform, TraceCollector, type CollectedSpan, type TestPlatform } from '@irp/testing';

const SERVER = 2;
const CLIENT = 3;

describe('tracing', () => {
  let collector: TraceCollector;
  let platform: TestPlatform;

  beforeAll(async () => {
    collector = await TraceCollector.start();
    platform = await startTestPlatform({ env: collector.env });
  });

  afterAll(async () => {
    await platform?.close();
    await collector?.stop();
  });

  it('follows one HTTP request through gateway, NATS, auth and PostgreSQL in one trace', async () => {
    const api = httpClient(`${platform.gatewayUrl}/api/v1`);
    const requestId = randomUUID();
    const response = await api.post('/auth/register', { email: `${requestId}@example.com`, password: 'correct horse battery' }, { headers: { 'x-request-id': requestId } });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBe(requestId);

    const httpSpan = (spans: CollectedSpan[]) => spans.find((s) => s.service === 'gateway' && s.kind === SERVER && s.name === 'POST /api/v1/auth/register');
    // Each service exports its spans in its own batches: wait for the handler's as well as the SQL's.
    const spans = await collector.waitFor((all) => {
      const root = httpSpan(all);
      const inTrace = root ? all.filter((s) => s.traceId === root.traceId && s.service === 'auth') : [];
      return inTrace.some((s) => s.name.startsWith('pg.query:INSERT')) && inTrace.some((s) => s.kind === SERVER && s.name === 'process auth.user.register.v1');
    });
    const root = httpSpan(spans);
    if (!root) throw new Error('no HTTP span');
    const trace = spans.filter((s) => s.traceId === root.traceId);
    const byId = new Map(trace.map((s) => [s.spanId, s]));

    const send = trace.find((s) => s.service === 'gateway' && s.kind === CLIENT && s.name === 'send auth.user.register.v1');
    const handle = trace.find((s) => s.service === 'auth' && s.kind === SERVER && s.name === 'process auth.user.register.v1');
    const insert = trace.find((s) => s.service === 'auth' && s.name.startsWith('pg.query:INSERT'));
    expect(send?.parentSpanId).toBe(root.spanId);
    expect(handle?.parentSpanId).toBe(send?.spanId);
    // The SQL runs under the auth handler, whatever spans (pool connect, transaction) sit between.
    let ancestor = insert && byId.get(insert.parentSpanId ?? '');
    while (ancestor && ancestor !== handle) ancestor = byId.get(ancestor.parentSpanId ?? '');
    expect(ancestor).toBe(handle);
  });

  it('keeps a stream token out of the trace: the query value is redacted', async () => {
    const token = `secret-${randomUUID()}`;
    const response = await fetch(`${platform.gatewayUrl}/api/v1/documents/${randomUUID()}/events?token=${token}`);
    expect(response.status).toBe(401);
    const spans = await collector.waitFor((all) => all.some((s) => s.service === 'gateway' && s.kind === SERVER && s.attributes['http.target']?.includes('/events?token=')));
    const exported = JSON.stringify(spans.filter((s) => s.service === 'gateway'));
    expect(exported).not.toContain(token);
    expect(exported).toContain('token=REDACTED');
  });
});
