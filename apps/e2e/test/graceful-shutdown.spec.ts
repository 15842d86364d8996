import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { OCR_CONTRACTS, STREAMS, type DocumentView, type ExpensePage } from '@irp/contracts';
import { httpClient, receiptImage, startTestPlatform, type HttpClient, type TestPlatform } from '@irp/testing';
import { newSession, type Session } from './session';

const [OCR_WORKERS] = Object.keys(OCR_CONTRACTS.uses.consumers);

/** Polls until check() holds. */
async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await check()); await sleep(50)) if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
}

/**
 * SIGTERM, as Kubernetes sends it before a pod goes: the service takes no new work, finishes what
 * it has taken (an OCR job, an HTTP request and the RPC behind it) and exits 0. Each service here
 * runs as the only replica, so whatever completes after the signal was completed by the stopping one.
 */
describe('graceful shutdown on SIGTERM', () => {
  let platform: TestPlatform;
  let api: HttpClient;
  let me: Session;
  let nc: NatsConnection;

  beforeAll(async () => {
    platform = await startTestPlatform({
      // Hashing a password takes about a second here (128 MiB, 10 passes): a registration is still in flight when the signal comes.
      serviceEnv: { auth: { AUTH_ARGON2_MEMORY_KIB: '131072', AUTH_ARGON2_TIME_COST: '10' }, gateway: { RPC_TIMEOUT_MS: '30000' } },
    });
    api = httpClient(`${platform.gatewayUrl}/api/v1`);
    me = await newSession(api);
    nc = await connect({ servers: platform.infra.nats.url });
  }, 180_000);

  afterAll(async () => {
    await nc?.close();
    await platform?.close();
  });

  const ocrJobs = async () => (await jetstreamManager(nc)).consumers.info(STREAMS.OCR_JOBS.name, OCR_WORKERS);

  const documentOf = async (id: string) => (await api.get<DocumentView>(`/documents/${id}`, { token: me.token })).body;

  it('ocr finishes the job it is reading, then exits 0', async () => {
    const lines = Array.from({ length: 24 }, (_, i) => `Item ${i + 1} of the graceful cafe      ${i + 1}.20`);
    const bytes = await receiptImage(['CAFE GRACEFUL', 'Date: 14/03/2026', ...lines, 'TOTAL EUR     300.00'], { width: 2000 });
    const uploaded = await fetch(`${platform.gatewayUrl}/api/v1/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${me.token}`, 'content-type': 'image/jpeg' },
      body: new Uint8Array(bytes),
    });
    const { id } = (await uploaded.json()) as { id: string };
    // ocr holds the job (delivered, not acked): it is reading.
    await waitFor('ocr to take the job', async () => (await ocrJobs()).num_ack_pending === 1, 60_000);

    const ocr = platform.services.ocr;
    await ocr.stop(); // SIGTERM; resolves once the process has exited

    if ((await ocr.exited) !== 0) process.stdout.write(`ocr's last lines:\n${ocr.output(40)}\n`);
    expect(await ocr.exited).toBe(0);
    // Acked by the ocr that stopped, not handed back: no other ocr runs.
    expect(await ocrJobs()).toEqual(expect.objectContaining({ num_ack_pending: 0, num_pending: 0 }));
    await waitFor('the document to be completed', async () => (await documentOf(id)).status !== 'processing', 30_000);
    expect(await documentOf(id)).toMatchObject({ status: 'completed', expenseId: expect.any(String) });
    const expenses = await api.get<ExpensePage>(`/expenses?documentId=${id}`, { token: me.token });
    expect(expenses.body.items).toHaveLength(1);
  }, 150_000);

  it('the gateway and auth answer a registration in flight, then exit 0', async () => {
    const email = `late-${randomUUID()}@example.com`;
    let answered = false;
    const registering = api.post<{ email: string }>('/auth/register', { email, password: 'correct horse battery staple' }).finally(() => (answered = true));
    await sleep(300); // the request is at auth, hashing

    const [gateway, auth] = [platform.services.gateway, platform.services.auth];
    const inFlightWhenSignalled = !answered;
    const stopped = Promise.all([gateway.stop(), auth.stop()]);
    const answer = await registering;
    await stopped;

    expect(inFlightWhenSignalled).toBe(true);
    expect(answer.status).toBe(201);
    expect(answer.body.email).toBe(email);
    expect([await gateway.exited, await auth.exited]).toEqual([0, 0]);
  }, 60_000);
});
