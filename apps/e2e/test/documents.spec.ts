import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { parseDto, DocumentView, type DocumentProgress, type ExpensePage, type ExpenseView } from '@irp/contracts';
import { corruptJpeg, httpClient, hugeImageHeader, invoicePdf, pdfBomb, receiptImage, startTestPlatform, type HttpClient, type TestPlatform } from '@irp/testing';
import { newSession, type Session } from './session';
import { readEvents } from './sse';

type UploadAnswer = DocumentView & { statusUrl: string; eventsUrl: string; code?: string; detail?: string };

const RECEIPT = [
  'CAFE AURORA',
  '12 Harbour Street, Lisbon',
  'Date: 14/03/2026',
  '',
  'Espresso 2 x 1.60      3.20',
  'Croissant              2.10',
  'Subtotal               5.30',
  'VAT 13%                0.69',
  'TOTAL EUR              5.99',
  'Card ****1234',
];

describe('documents: from upload to expense', () => {
  let platform: TestPlatform;
  let api: HttpClient;
  let me: Session;
  let receipt: Buffer;

  beforeAll(async () => {
    platform = await startTestPlatform({
      serviceEnv: { gateway: { AUTH_RATE_LIMIT: '1000' }, ocr: { OCR_ACK_WAIT_SECONDS: '5', OCR_MAX_DELIVER: '3' } },
    });
    api = httpClient(`${platform.gatewayUrl}/api/v1`);
    me = await newSession(api);
    receipt = await receiptImage(RECEIPT);
  });

  afterAll(async () => {
    await platform?.close();
  });

  async function upload(
    session: Session,
    bytes: Buffer,
    options: { contentType?: string; fileName?: string; idempotencyKey?: string } = {},
  ): Promise<{ status: number; body: UploadAnswer; headers: Headers }> {
    const headers: Record<string, string> = { authorization: `Bearer ${session.token}` };
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    let body: FormData | Uint8Array;
    if (options.contentType) {
      headers['content-type'] = options.contentType;
      body = new Uint8Array(bytes);
    } else {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), options.fileName ?? 'receipt.jpg');
      body = form;
    }
    const response = await fetch(`${platform.gatewayUrl}/api/v1/documents`, { method: 'POST', headers, body });
    return { status: response.status, body: (await response.json()) as UploadAnswer, headers: response.headers };
  }

  async function settled(session: Session, id: string, timeoutMs = 60_000): Promise<DocumentView> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { body } = await api.get<DocumentView>(`/documents/${id}`, { token: session.token });
      if (body.status === 'completed' || body.status === 'failed') return body;
      if (Date.now() > deadline) throw new Error(`document ${id} still ${body.status}`);
      await sleep(200);
    }
  }

  it('reads a photographed receipt into an expense', async () => {
    const uploaded = await upload(me, receipt, { fileName: 'lunch.jpg' });
    expect(uploaded.status).toBe(202);
    expect(uploaded.body).toMatchObject({ status: 'queued', mimeType: 'image/jpeg', fileName: 'lunch.jpg', size: receipt.length });
    expect(uploaded.headers.get('location')).toBe(`/api/v1/documents/${uploaded.body.id}`);

    const document = await settled(me, uploaded.body.id);
    expect(document.status).toBe('completed');
    expect(() => parseDto(DocumentView, document)).not.toThrow();
    expect(document.extraction?.fields.total?.value).toBe('5.99');
    expect(document.extraction?.fields.date?.value).toBe('2026-03-14');

    const expense = await api.get<ExpenseView>(`/expenses/${document.expenseId}`, { token: me.token });
    expect(expense.body).toMatchObject({ amount: '5.99', date: '2026-03-14', documentId: document.id, duplicateOf: null });
    expect(expense.body.vendor.toUpperCase()).toContain('CAFE AURORA');

    const file = await fetch(`${platform.gatewayUrl}/api/v1/documents/${document.id}/file`, { headers: { authorization: `Bearer ${me.token}` } });
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await file.arrayBuffer()).equals(receipt)).toBe(true);
  });

  it('reads a three-page PDF invoice through its text layer, sent as the raw body', async () => {
    const pdf = await invoicePdf([
      ['ACME Office Supplies Ltd', '1 Main Road, Springfield', 'Invoice INV-2026-0042', 'Date: 2026-02-11'],
      ['Item                    Amount', 'Paper A4 x10          45.00', 'Toner                 80.00'],
      ['Subtotal              125.00', 'VAT 20%                25.00', 'Total due EUR         150.00'],
    ]);
    const uploaded = await upload(me, pdf, { contentType: 'application/pdf' });
    expect(uploaded.status).toBe(202);
    const document = await settled(me, uploaded.body.id);
    expect(document).toMatchObject({ status: 'completed', pages: 3, mimeType: 'application/pdf' });
    expect(document.extraction?.source).toBe('pdf-text');
    const expense = await api.get<ExpenseView>(`/expenses/${document.expenseId}`, { token: me.token });
    expect(expense.body).toMatchObject({ amount: '150.00', currency: 'EUR', date: '2026-02-11' });
  });

  it('streams progress, then the final state, as server-sent events', async () => {
    const uploaded = await upload(me, await receiptImage([...RECEIPT, 'Thank you!']));
    const { headers, events } = await readEvents<DocumentProgress & DocumentView>(`${platform.gatewayUrl}/api/v1/documents/${uploaded.body.id}/events`, {
      authorization: `Bearer ${me.token}`,
    });
    expect(headers.get('content-type')).toContain('text/event-stream');
    expect(events[0].event).toBe('state');
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { status: 'completed', progress: 100 } });
    const progress = events.filter((e) => e.event === 'progress').map((e) => e.data.progress);
    expect(progress.length).toBeGreaterThan(0);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('files exactly one expense when the ocr worker dies mid-job: it is restarted and the job redelivered', async () => {
    const user = await newSession(api);
    const uploaded = await upload(user, await receiptImage([...RECEIPT, 'Table 7']));
    for (let i = 0; i < 300; i++) {
      const { body } = await api.get<DocumentView>(`/documents/${uploaded.body.id}`, { token: user.token });
      if (body.status !== 'queued') break;
      await sleep(20);
    }
    const killed = platform.services.ocr;
    await killed.kill();
    // Nobody restarts it by hand: the platform's supervisor does.
    for (let i = 0; i < 600 && platform.services.ocr === killed; i++) await sleep(50);
    expect(platform.services.ocr).not.toBe(killed); // a new process, assigned once it answered ready
    const document = await settled(user, uploaded.body.id);
    expect(document.status).toBe('completed');
    const expenses = await api.get<ExpensePage>(`/expenses?documentId=${document.id}`, { token: user.token });
    expect(expenses.body.items).toHaveLength(1);
  });

  it('flags the same file uploaded twice as a duplicate of the first', async () => {
    const user = await newSession(api);
    const first = await settled(user, (await upload(user, receipt)).body.id);
    const second = await settled(user, (await upload(user, receipt)).body.id);
    expect(second.duplicateOf).toEqual({ documentId: first.id, expenseId: first.expenseId, reason: 'same_file' });
    const twin = await api.get<ExpenseView>(`/expenses/${second.expenseId}`, { token: user.token });
    expect(twin.body).toMatchObject({ status: 'needs_review', duplicateOf: { reason: 'same_file', expenseId: first.expenseId } });
    expect((await api.get<ExpensePage>('/expenses', { token: user.token })).body.items).toHaveLength(2); // flagged, never dropped
  });

  it('lets the user clear a duplicate flag, and keeps that as feedback', async () => {
    const user = await newSession(api);
    const bytes = await receiptImage([...RECEIPT, 'Not a duplicate']);
    await settled(user, (await upload(user, bytes)).body.id);
    const second = await settled(user, (await upload(user, bytes)).body.id);
    const patch = (body: unknown) =>
      fetch(`${platform.gatewayUrl}/api/v1/expenses/${second.expenseId}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    const naming = await patch({ duplicateOf: { expenseId: randomUUID(), reason: 'same_file' } });
    expect(naming.status).toBe(400);
    expect(((await naming.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain('duplicateOf');

    const cleared = await patch({ duplicateOf: null, status: 'confirmed' });
    expect(cleared.status).toBe(200);
    expect(await cleared.json()).toMatchObject({ duplicateOf: null, status: 'confirmed' });
    const db = new pg.Client({ connectionString: platform.infra.database.url });
    await db.connect();
    const { rows } = await db.query('select field, extracted_value, corrected_value from expenses.expense_correction where expense_id = $1', [second.expenseId]);
    await db.end();
    expect(rows).toEqual([{ field: 'duplicateOf', extracted_value: 'same_file', corrected_value: null }]);
  });

  it('answers a retried upload with the same Idempotency-Key with the first document', async () => {
    const key = randomUUID();
    const first = await upload(me, receipt, { idempotencyKey: key });
    const again = await upload(me, receipt, { idempotencyKey: key });
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
  });

  it('keeps the bytes of an upload whose registration answered late and was sent again', async () => {
    // While the test holds the user's lock, expenses cannot answer the registration within the
    // gateway's 5 s, so the gateway sends it again under the Idempotency-Key. Once the lock goes,
    // the first registration commits and the second answers with it: a replay of this very upload.
    const userId = (await api.get<{ id: string }>('/auth/me', { token: me.token })).body.id;
    const db = new pg.Client({ connectionString: platform.infra.database.url });
    await db.connect();
    try {
      await db.query('begin');
      await db.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [`owner:${userId}`]);
      const uploading = upload(me, receipt, { idempotencyKey: randomUUID() });
      await sleep(7_000);
      await db.query('commit');
      const uploaded = await uploading;
      expect(uploaded.status).toBe(202);
      expect((await settled(me, uploaded.body.id)).status).toBe('completed');
      const file = await fetch(`${platform.gatewayUrl}/api/v1/documents/${uploaded.body.id}/file`, { headers: { authorization: `Bearer ${me.token}` } });
      expect(file.status).toBe(200);
      expect(Buffer.from(await file.arrayBuffer()).equals(receipt)).toBe(true);
    } finally {
      await db.end();
    }
  });

  it('keeps documents private', async () => {
    const other = await newSession(api);
    const mine = await upload(me, receipt);
    expect((await api.get(`/documents/${mine.body.id}`, { token: other.token })).status).toBe(404);
    expect((await fetch(`${platform.gatewayUrl}/api/v1/documents/${mine.body.id}/file`, { headers: { authorization: `Bearer ${other.token}` } })).status).toBe(404);
    expect((await fetch(`${platform.gatewayUrl}/api/v1/documents/${mine.body.id}/events`, { headers: { authorization: `Bearer ${other.token}` } })).status).toBe(404);
  });

  describe('bad files', () => {
    it.each([
      ['a text file named .jpg', () => Buffer.from('hello, I am not a picture'), 415],
      ['30 MB of bytes that are no document', () => randomBytes(30 * 1024 * 1024), 415],
      ['an image of 50,000 × 50,000 pixels', () => hugeImageHeader(50_000, 50_000), 422],
      ['an empty file', () => Buffer.alloc(0), 422],
    ] as const)('refuses %s with a clear 4xx', async (_case, make, status) => {
      const answer = await upload(me, await make(), { fileName: 'photo.jpg' });
      expect(answer.status).toBe(status);
      expect(answer.body.detail).toEqual(expect.any(String));
    });

    it('refuses a 30 MB picture with 413 while it streams', async () => {
      const big = Buffer.concat([await receiptImage(['BIG']), randomBytes(30 * 1024 * 1024)]);
      const answer = await upload(me, big, { contentType: 'image/jpeg' });
      expect(answer.status).toBe(413);
    });

    it('marks a corrupt JPEG and a PDF bomb failed (or empty), and keeps reading other documents', async () => {
      const corrupt = await settled(me, (await upload(me, await corruptJpeg())).body.id);
      expect(corrupt.status).toBe('failed');
      expect(corrupt.failureReason).toEqual(expect.any(String));

      const bomb = await upload(me, await pdfBomb(), { contentType: 'application/pdf' });
      expect(bomb.status).toBe(202);
      const read = await settled(me, bomb.body.id, 120_000);
      expect(['failed', 'completed']).toContain(read.status);

      const fine = await settled(me, (await upload(me, await receiptImage([...RECEIPT, 'After the bomb']))).body.id);
      expect(fine.status).toBe('completed');
      expect((await fetch(`${platform.services.ocr.opsUrl}/health/ready`)).status).toBe(200);
    });
  });

  it('records corrections of extracted fields', async () => {
    const document = await settled(me, (await upload(me, await receiptImage([...RECEIPT, 'Corrections']))).body.id);
    const response = await fetch(`${platform.gatewayUrl}/api/v1/expenses/${document.expenseId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${me.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ vendor: 'Café Aurora Lisboa' }),
    });
    expect(response.status).toBe(200);
    const db = new pg.Client({ connectionString: platform.infra.database.url });
    await db.connect();
    const { rows } = await db.query('select field, extracted_value, corrected_value from expenses.expense_correction where document_id = $1', [document.id]);
    await db.end();
    expect(rows).toEqual([{ field: 'vendor', extracted_value: expect.stringMatching(/aurora/i), corrected_value: 'Café Aurora Lisboa' }]);
  });
});
