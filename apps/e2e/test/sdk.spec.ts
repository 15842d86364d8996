import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  authLogin,
  authMe,
  authRefresh,
  authRegister,
  createClient,
  createConfig,
  documentsGet,
  documentsUpload,
  expensesCreate,
  expensesDelete,
  expensesExport,
  expensesGet,
  expensesList,
  expensesUpdate,
  type Client,
  type DocumentView,
  type ExpenseView,
  type ExpensesExportData,
  type ExpensesListData,
} from '@irp/sdk';
import { SUBJECTS, type EventEnvelope } from '@irp/contracts';
import { AsyncApiPayloads, OpenApiResponses, receiptImage, startTestPlatform, type TestPlatform } from '@irp/testing';

const PASSWORD = 'correct horse battery staple';

/** The main flows of the API driven only through the generated client (libs/sdk), as an outside developer would. */
describe('the generated SDK against the running platform', () => {
  let platform: TestPlatform;
  let sdk: Client;
  let accessToken = '';
  /** Every answer the SDK received that the OpenAPI document does not describe. */
  const undocumented: string[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform({ serviceEnv: { gateway: { AUTH_RATE_LIMIT: '1000' } } });
    sdk = createClient(createConfig({ baseUrl: platform.gatewayUrl, auth: () => accessToken }));
    const responses = new OpenApiResponses();
    sdk.interceptors.response.use(async (response, request, options) => {
      const contentType = response.headers.get('content-type');
      const body: unknown = contentType?.includes('json') ? await response.clone().json() : undefined;
      for (const error of responses.errors(request.method, options.url, response.status, contentType, body)) {
        undocumented.push(`${request.method} ${options.url} → ${response.status}: ${error}`);
      }
      return response;
    });
  });

  afterAll(async () => {
    await platform?.close();
  });

  async function signIn(): Promise<void> {
    const email = `sdk-${randomUUID()}@example.com`;
    const registered = await authRegister({ client: sdk, body: { email, password: PASSWORD }, throwOnError: true });
    expect(registered.response.status).toBe(201);
    const login = await authLogin({ client: sdk, body: { email, password: PASSWORD }, throwOnError: true });
    const refreshed = await authRefresh({ client: sdk, body: { refreshToken: login.data.refreshToken }, throwOnError: true });
    expect(refreshed.data.refreshToken).not.toBe(login.data.refreshToken);
    const reused = await authRefresh({ client: sdk, body: { refreshToken: login.data.refreshToken } });
    expect(reused.response?.status).toBe(401);
    accessToken = refreshed.data.accessToken;
    const me = await authMe({ client: sdk, throwOnError: true });
    expect(me.data).toMatchObject({ id: registered.data.id, email });
  }

  const expense = (vendor: string, day: number) => ({
    vendor,
    date: `2026-04-${String(day).padStart(2, '0')}`,
    amount: `${day}.50`,
    currency: 'EUR',
    category: 'travel',
    tags: ['sdk'],
  });

  async function readUntilSettled(id: string): Promise<DocumentView> {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const { data } = await documentsGet({ client: sdk, path: { id }, throwOnError: true });
      if (data.status === 'completed' || data.status === 'failed') return data;
      if (Date.now() > deadline) throw new Error(`document ${id} still ${data.status}`);
      await sleep(250);
    }
  }

  /** Creates with an idempotency key (the retry answers the first expense), then six more and one elsewhere. */
  async function fileExpenses(): Promise<ExpenseView> {
    const key = randomUUID();
    const first = await expensesCreate({ client: sdk, body: expense('Rail Co', 1), headers: { 'Idempotency-Key': key }, throwOnError: true });
    const retry = await expensesCreate({ client: sdk, body: expense('Rail Co', 1), headers: { 'Idempotency-Key': key }, throwOnError: true });
    expect(retry.data.id).toBe(first.data.id);
    expect(first.response.headers.get('location')).toBe(`/api/v1/expenses/${first.data.id}`);
    for (let day = 2; day <= 7; day++) await expensesCreate({ client: sdk, body: expense(`Taxi ${day}`, day), throwOnError: true });
    await expensesCreate({ client: sdk, body: { ...expense('Cafe', 8), category: 'meals' }, throwOnError: true });
    return first.data;
  }

  /** Follows nextCursor (null on the last page) to the end. */
  async function listAll(query: Omit<NonNullable<ExpensesListData['query']>, 'cursor'>): Promise<{ items: ExpenseView[]; pages: number }> {
    const items: ExpenseView[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { data } = await expensesList({ client: sdk, query: { ...query, cursor }, throwOnError: true });
      items.push(...data.items);
      cursor = data.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    return { items, pages };
  }

  /** PATCH with the ETag read; the same ETag again is stale: 412. */
  async function patchWithIfMatch(id: string): Promise<void> {
    const read = await expensesGet({ client: sdk, path: { id }, throwOnError: true });
    const etag = read.response.headers.get('etag') ?? '';
    expect(etag).toBe('"1"');
    const patched = await expensesUpdate({ client: sdk, path: { id }, body: { notes: 'booked online', tip: null }, headers: { 'If-Match': etag }, throwOnError: true });
    expect(patched.data).toMatchObject({ notes: 'booked online', tip: null, version: 2 });
    const stale = await expensesUpdate({ client: sdk, path: { id }, body: { notes: 'again' }, headers: { 'If-Match': etag } });
    expect(stale.response?.status).toBe(412);
    expect(stale.error).toMatchObject({ code: 'PRECONDITION_FAILED' });
  }

  async function exportCsvLines(query: ExpensesExportData['query']): Promise<string[]> {
    const csv = await expensesExport({ client: sdk, query, parseAs: 'text', throwOnError: true });
    expect(csv.response.headers.get('content-type')).toMatch(/^text\/csv/);
    return (csv.data as unknown as string).trim().split(/\r?\n/);
  }

  /** Uploads a receipt photo and follows it to the expense it becomes. */
  async function uploadAndFollow(): Promise<ExpenseView> {
    const photo = await receiptImage(['TRAM STOP KIOSK', 'Date: 09/04/2026', '', 'Ticket            3.10', 'TOTAL EUR         3.10']);
    const file = new File([new Uint8Array(photo)], 'ticket.jpg', { type: 'image/jpeg' });
    const uploaded = await documentsUpload({ client: sdk, body: { file }, throwOnError: true });
    expect(uploaded.response.status).toBe(202);
    expect(uploaded.data).toMatchObject({ status: 'queued', fileName: 'ticket.jpg', statusUrl: `/api/v1/documents/${uploaded.data.id}` });
    const document = await readUntilSettled(uploaded.data.id);
    expect(document.status).toBe('completed');
    if (!document.expenseId) throw new Error(`document ${document.id} became no expense`);
    const filed = await expensesGet({ client: sdk, path: { id: document.expenseId }, throwOnError: true });
    expect(filed.data).toMatchObject({ documentId: document.id, amount: '3.10', currency: 'EUR' });
    return filed.data;
  }

  it('signs up, files, pages, changes, exports, uploads and deletes', async () => {
    await signIn();
    const first = await fileExpenses();

    const travel = await listAll({ category: 'travel', tags: 'sdk', sort: 'date', limit: '3' });
    expect(travel.pages).toBe(3);
    expect(travel.items.map((item) => item.date)).toEqual(['01', '02', '03', '04', '05', '06', '07'].map((day) => `2026-04-${day}`));

    await patchWithIfMatch(first.id);

    const lines = await exportCsvLines({ category: 'travel' });
    expect(lines).toHaveLength(1 + 7);
    expect(lines.some((line) => line.includes('booked online'))).toBe(true);

    const filed = await uploadAndFollow();
    const deleted = await expensesDelete({ client: sdk, path: { id: filed.id }, headers: { 'If-Match': `"${filed.version}"` }, throwOnError: true });
    expect(deleted.response.status).toBe(204);
    const gone = await expensesGet({ client: sdk, path: { id: filed.id } });
    expect(gone.response?.status).toBe(404);
    expect(gone.error).toMatchObject({ code: 'NOT_FOUND' });

    expect(undocumented).toEqual([]);
  });

  // After the flows above: what the services published meanwhile, taken off their streams.
  it('published only events that match the AsyncAPI document', async () => {
    const nc = await connect({ servers: platform.infra.nats.url });
    try {
      const events: EventEnvelope[] = [];
      for (const stream of ['AUTH', 'EXPENSES', 'OCR']) {
        const { name } = await (await jetstreamManager(nc)).consumers.add(stream, { ack_policy: 'none' as never });
        const messages = await (await jetstream(nc).consumers.get(stream, name)).fetch({ max_messages: 1000, expires: 1000 });
        for await (const message of messages) events.push(message.json());
      }
      const types = new Set(events.map((event) => event.type));
      for (const subject of [SUBJECTS.userRegistered, SUBJECTS.expenseCreated, SUBJECTS.expenseUpdated, SUBJECTS.expenseDeleted, SUBJECTS.extractionCompleted]) {
        expect(types).toContain(subject);
      }
      const payloads = new AsyncApiPayloads();
      for (const event of events) expect({ type: event.type, errors: payloads.errors(event.type, event) }).toEqual({ type: event.type, errors: [] });
    } finally {
      await nc.close();
    }
  });
});
