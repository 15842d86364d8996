import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseDto, AlertPage, BudgetStatus, BudgetView, type CreatedWebhook, type WebhookDeliveryList, type ExpenseView } from '@irp/contracts';
import { httpClient, startTestPlatform, type HttpClient, type TestPlatform } from '@irp/testing';
import { newSession, type Session } from './session';

interface Problem {
  code: string;
  detail: string;
  errors?: { field: string; messages: string[] }[];
}

const today = () => new Date().toISOString().slice(0, 10);

async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe('budgets through the gateway, on the expense events of the real expenses service', () => {
  let platform: TestPlatform;
  let api: HttpClient;
  let me: Session;
  let receiver: Server;
  const received: { signature: string; body: string }[] = [];

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ signature: String(request.headers['x-irp-signature']), body });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    platform = await startTestPlatform({ serviceEnv: { budgets: { WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32', WEBHOOK_POLL_INTERVAL_MS: '100' } } });
    api = httpClient(`${platform.gatewayUrl}/api/v1`);
    me = await newSession(api);
  });

  afterAll(async () => {
    receiver?.close();
    await platform?.close();
  });

  const call = async <T>(method: string, path: string, session: Session, body?: unknown) => {
    const response = await fetch(`${platform.gatewayUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${session.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const expense = (session: Session, body: Record<string, unknown>) =>
    api.post<ExpenseView>('/expenses', { vendor: 'Cafe X', date: today(), currency: 'EUR', ...body }, { token: session.token });

  it('counts expenses into a budget, raises alerts once, delivers them to a webhook and follows a category move', async () => {
    const hook = await api.post<CreatedWebhook>('/webhooks', { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/budget-alerts` }, { token: me.token });
    expect(hook.status).toBe(201);
    const created = await api.post<BudgetView>('/budgets', { name: 'Food', amount: '100.00', period: 'monthly', category: 'meals' }, { token: me.token });
    expect(created.status).toBe(201);
    expect(() => parseDto(BudgetView, created.body)).not.toThrow();
    expect(created.headers.get('location')).toBe(`/api/v1/budgets/${created.body.id}`);

    const lunch = await expense(me, { amount: '85.00', category: 'meals' });
    expect(lunch.status).toBe(201);
    const alerts = await eventually(async () => {
      const page = await api.get<AlertPage>('/alerts', { token: me.token });
      expect(page.body.items.map((alert) => alert.threshold).sort()).toEqual([50, 80]);
      return page.body;
    });
    expect(() => parseDto(AlertPage, alerts)).not.toThrow();

    const status = await api.get<BudgetStatus>(`/budgets/${created.body.id}/status`, { token: me.token });
    expect(status.status).toBe(200);
    expect(() => parseDto(BudgetStatus, status.body)).not.toThrow();
    expect(status.body).toMatchObject({ spent: '85.00', remaining: '15.00', percent: 85, currency: 'EUR' });

    // The receiver got both alerts, each signed with the secret shown once.
    await eventually(async () => expect(received).toHaveLength(2));
    for (const { signature, body } of received) {
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature) ?? [];
      expect(createHmac('sha256', hook.body.secret).update(`${t}.${body}`).digest('hex')).toBe(v1);
    }
    const log = await api.get<WebhookDeliveryList>(`/webhooks/${hook.body.id}/deliveries`, { token: me.token });
    expect(log.body.items.map((delivery) => [delivery.status, delivery.lastStatusCode])).toEqual([['delivered', 204], ['delivered', 204]]);

    const acknowledged = await call<{ acknowledgedAt: string | null }>('POST', `/alerts/${alerts.items[0].alertId}/acknowledge`, me);
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.acknowledgedAt).not.toBeNull();
    expect((await api.get<AlertPage>('/alerts?state=open', { token: me.token })).body.items).toHaveLength(1);

    const moved = await call('PATCH', `/expenses/${lunch.body.id}`, me, { category: 'travel' });
    expect(moved.status).toBe(200);
    await eventually(async () => expect((await api.get<BudgetStatus>(`/budgets/${created.body.id}/status`, { token: me.token })).body.spent).toBe('0.00'));
  });

  it('answers bad input, SSRF targets and other users with clear 4xx', async () => {
    const bad = async (body: Record<string, unknown>, field: string) => {
      const answer = await api.post<Problem>('/budgets', { name: 'X', amount: '10.00', period: 'monthly', ...body }, { token: me.token });
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.map((error) => error.field)).toContain(field);
    };
    await bad({ category: 'caviar' }, 'category');
    await bad({ amount: '0' }, 'amount');
    await bad({ amount: '-3.00' }, 'amount');
    await bad({ thresholds: [0] }, 'thresholds');
    await bad({ thresholds: [1001] }, 'thresholds');
    await bad({ tag: 'nothing-has-this' }, 'tag');
    await bad({ period: 'custom', customPeriods: [{ start: '2026-01-01', end: '2026-01-31' }, { start: '2026-01-20', end: '2026-02-20' }] }, 'customPeriods');

    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'http://[::1]/', 'ftp://example.com/']) {
      const refused = await api.post<Problem>('/webhooks', { url }, { token: me.token });
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[0].field).toBe('url');
    }

    const mine = await api.post<BudgetView>('/budgets', { name: 'Mine', amount: '10.00', period: 'yearly' }, { token: me.token });
    const stranger = await newSession(api);
    expect((await api.get(`/budgets/${mine.body.id}`, { token: stranger.token })).status).toBe(404);
    expect((await api.get(`/budgets/${mine.body.id}/status`, { token: stranger.token })).status).toBe(404);
    expect((await call('DELETE', `/budgets/${mine.body.id}`, stranger)).status).toBe(404);
    expect((await api.get('/budgets/not-a-uuid', { token: me.token })).status).toBe(400);
    expect((await call('DELETE', `/budgets/${mine.body.id}`, me)).status).toBe(204);
    expect((await api.get(`/budgets/${mine.body.id}`, { token: me.token })).status).toBe(404);
  });
});
