import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DomainError, SUBJECTS, WEBHOOK_SIGNATURE_HEADER } from '@irp/contracts';
import { startBudgets, eventually, type BudgetsUnderTest } from './budgets-service';
import { expenseSnapshot } from './factories/expense.factory';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on loopback that answers `statuses` in turn (then 200) and keeps what it got. */
async function receiver(statuses: number[]): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/budgets`, received, server };
}

/** What a receiver does with the secret it was shown: HMAC-SHA256 over "<t>.<body>", compared in constant time. */
function signatureValid(secret: string, { headers, body }: Received): boolean {
  const header = String(headers[WEBHOOK_SIGNATURE_HEADER]);
  const { t, v1 } = Object.fromEntries(header.split(',').map((part) => part.split('='))) as { t: string; v1: string };
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return Math.abs(Date.now() / 1000 - Number(t)) < 300 && timingSafeEqual(expected, Buffer.from(v1, 'hex'));
}

describe('budgets: webhooks', () => {
  let svc: BudgetsUnderTest;
  const servers: Server[] = [];

  beforeAll(async () => {
    svc = await startBudgets({ WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32', WEBHOOK_RETRY_BASE_MS: '100', WEBHOOK_POLL_INTERVAL_MS: '50' });
  });

  afterAll(async () => {
    for (const server of servers) server.close();
    await svc?.close();
  });

  const overspend = async (userId: string) => {
    await svc.rpc.request(SUBJECTS.createBudget, { userId, budget: { name: 'Food', amount: '10.00', period: 'monthly', thresholds: [100] } });
    await svc.expenses.publish(svc.expenses.event(SUBJECTS.expenseCreated, expenseSnapshot(userId, { amountMinor: 1500 })));
  };

  it('retries a failing receiver with back-off until it takes the alert, signed, and logs every status', async () => {
    const target = await receiver([500, 503]);
    servers.push(target.server);
    const userId = randomUUID();
    const webhook = await svc.rpc.request(SUBJECTS.createWebhook, { userId, webhook: { url: target.url } });
    expect(webhook.secret).toMatch(/^whsec_/);
    expect(JSON.stringify(await svc.rpc.request(SUBJECTS.getWebhook, { userId, webhookId: webhook.id }))).not.toContain(webhook.secret);

    await overspend(userId);
    const [delivery] = await eventually(async () => {
      const { items } = await svc.rpc.request(SUBJECTS.listWebhookDeliveries, { userId, webhookId: webhook.id });
      expect(items[0]?.status).toBe('delivered');
      return items;
    });
    expect(delivery).toMatchObject({ eventType: SUBJECTS.alertRaised, attempts: 3, lastStatusCode: 200 });
    expect(delivery.log.map((attempt) => attempt.statusCode)).toEqual([500, 503, 200]);
    expect(target.received).toHaveLength(3);
    for (const request of target.received) expect(signatureValid(webhook.secret, request)).toBe(true);
    expect(signatureValid('whsec_another', target.received[2])).toBe(false);
    const event = JSON.parse(target.received[2].body) as { id: string; type: string; data: { threshold: number; spent: string } };
    expect(event).toMatchObject({ id: delivery.eventId, type: SUBJECTS.alertRaised, data: { threshold: 100, spent: '15.00' } });
    // The same event on every attempt: the receiver can deduplicate by its id.
    expect(new Set(target.received.map((request) => request.body)).size).toBe(1);
  });

  it('sends a signed test event on request and reports how the receiver answered', async () => {
    const target = await receiver([]);
    servers.push(target.server);
    const userId = randomUUID();
    const webhook = await svc.rpc.request(SUBJECTS.createWebhook, { userId, webhook: { url: target.url, description: 'ops channel' } });
    const result = await svc.rpc.request(SUBJECTS.testWebhook, { userId, webhookId: webhook.id });
    expect(result).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200, eventType: 'budgets.webhook.test' });
    expect(signatureValid(webhook.secret, target.received[0])).toBe(true);
  });

  it('refuses webhook URLs inside the platform network, and other users see none of it', async () => {
    const userId = randomUUID();
    for (const url of ['http://10.0.0.8/hook', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]:8080/', 'gopher://127.0.0.1/']) {
      const error = await svc.rpc.request(SUBJECTS.createWebhook, { userId, webhook: { url } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('VALIDATION');
    }
    const target = await receiver([]);
    servers.push(target.server);
    const webhook = await svc.rpc.request(SUBJECTS.createWebhook, { userId, webhook: { url: target.url } });
    const stranger = randomUUID();
    await expect(svc.rpc.request(SUBJECTS.testWebhook, { userId: stranger, webhookId: webhook.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(svc.rpc.request(SUBJECTS.listWebhookDeliveries, { userId: stranger, webhookId: webhook.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(svc.rpc.request(SUBJECTS.updateWebhook, { userId, webhookId: webhook.id, changes: { url: 'http://192.168.0.1/' } })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('budgets: a webhook that keeps failing', () => {
  let svc: BudgetsUnderTest;
  let server: Server;

  beforeAll(async () => {
    // No retry window: the first failure is the last, so the test need not wait a day.
    svc = await startBudgets({ WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32', WEBHOOK_RETRY_HOURS: '0', WEBHOOK_POLL_INTERVAL_MS: '50' });
  });

  afterAll(async () => {
    server?.close();
    await svc?.close();
  });

  it('is disabled with the reason once its retries are used up', async () => {
    const target = await receiver([500]);
    server = target.server;
    const userId = randomUUID();
    const webhook = await svc.rpc.request(SUBJECTS.createWebhook, { userId, webhook: { url: target.url } });
    await svc.rpc.request(SUBJECTS.createBudget, { userId, budget: { name: 'Food', amount: '10.00', period: 'monthly', thresholds: [100] } });
    await svc.expenses.publish(svc.expenses.event(SUBJECTS.expenseCreated, expenseSnapshot(userId, { amountMinor: 1500 })));
    const disabled = await eventually(async () => {
      const view = await svc.rpc.request(SUBJECTS.getWebhook, { userId, webhookId: webhook.id });
      expect(view.enabled).toBe(false);
      return view;
    });
    expect(disabled.disabledReason).toMatch(/HTTP 500/);
    const { items } = await svc.rpc.request(SUBJECTS.listWebhookDeliveries, { userId, webhookId: webhook.id });
    expect(items[0]).toMatchObject({ status: 'failed', lastStatusCode: 500, nextAttemptAt: null });
    const enabled = await svc.rpc.request(SUBJECTS.updateWebhook, { userId, webhookId: webhook.id, changes: { enabled: true } });
    expect(enabled).toMatchObject({ enabled: true, disabledReason: null });
  });
});
