import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROGRESS_SUBJECTS, SUBJECTS, type CategoryView, type DocumentProgress, type DocumentView, type RegisterDocumentResult, type EventEnvelope, type Extraction, type ExtractedFields, type OcrJob } from '@irp/contracts';
import { OwnerLock } from '@irp/persistence';
import { createEvent, publishEvent, type RpcClient } from '@irp/messaging';
import { MikroORM } from '@mikro-orm/postgresql';
import { aUser } from './factories/expense.factory';
import { extractedFields, sure } from './factories/extraction.factory';
import { startExpenses, type ExpensesUnderTest } from './expenses-service';

const sha = () => randomUUID().replace(/-/g, '').padEnd(64, '0');

interface Upload {
  size?: number;
  sha256?: string;
  idempotencyKey?: string;
}

/** What the gateway asks once an upload's bytes are stored. */
function registerUpload(rpc: RpcClient, userId: string, upload: Upload): Promise<RegisterDocumentResult> {
  const documentId = randomUUID();
  return rpc.request(SUBJECTS.registerDocument, {
    userId,
    documentId,
    objectName: `${userId}/${documentId}`,
    mimeType: 'image/jpeg',
    size: upload.size ?? 1234,
    sha256: upload.sha256 ?? sha(),
    fileName: 'receipt.jpg',
    idempotencyKey: upload.idempotencyKey,
  });
}

function extraction(fields: Partial<ExtractedFields> = {}): Extraction {
  return { text: 'CAFE AURORA\nTOTAL 5.99', pages: 1, source: 'ocr', durationMs: 800, fields: extractedFields(fields) };
}

describe('documents in the expenses service', () => {
  let svc: ExpensesUnderTest;

  beforeAll(async () => {
    svc = await startExpenses();
  });

  afterAll(async () => {
    await svc?.close();
  });

  const register = async (userId: string, upload: Upload = {}): Promise<DocumentView> => (await registerUpload(svc.rpc, userId, upload)).document;

  /** What the ocr service would publish. */
  const report = <S extends typeof SUBJECTS.extractionStarted | typeof SUBJECTS.extractionCompleted | typeof SUBJECTS.extractionFailed>(
    subject: S,
    userId: string,
    data: Parameters<typeof createEvent<S>>[2],
  ) => publishEvent(jetstream(svc.nc), createEvent(subject, userId, data));

  async function until(userId: string, documentId: string, done: (d: DocumentView) => boolean): Promise<DocumentView> {
    for (let i = 0; i < 200; i++) {
      const document = await svc.rpc.request(SUBJECTS.getDocument, { userId, documentId });
      if (done(document)) return document;
      await sleep(25);
    }
    throw new Error('document did not get there');
  }

  it('queues an OCR job for a registered document, through the outbox', async () => {
    const userId = aUser();
    const document = await register(userId);
    expect(document).toMatchObject({ status: 'queued', progress: 0, fileName: 'receipt.jpg', expenseId: null, duplicateOf: null });
    const { name } = await (await jetstreamManager(svc.nc)).consumers.add('OCR_JOBS', { ack_policy: 'explicit' as never, filter_subject: SUBJECTS.ocrJobRequested });
    const jobs: EventEnvelope<OcrJob>[] = [];
    for (let i = 0; i < 20 && !jobs.some((job) => job.data.documentId === document.id); i++) {
      const messages = await (await jetstream(svc.nc).consumers.get('OCR_JOBS', name)).fetch({ max_messages: 50, expires: 1000 });
      for await (const message of messages) jobs.push(message.json());
    }
    expect(jobs.find((job) => job.data.documentId === document.id)).toMatchObject({
      subject: { userId },
      data: { objectName: `${userId}/${document.id}`, mimeType: 'image/jpeg', locale: 'en-GB' },
    });
  });

  it('files one expense per document however often the extraction is reported', async () => {
    const userId = aUser();
    const document = await register(userId);
    await report(SUBJECTS.extractionStarted, userId, { documentId: document.id });
    await until(userId, document.id, (d) => d.status === 'processing');
    await report(SUBJECTS.extractionCompleted, userId, { documentId: document.id, extraction: extraction(), imageHash: null });
    await report(SUBJECTS.extractionCompleted, userId, { documentId: document.id, extraction: extraction(), imageHash: null });
    await report(SUBJECTS.extractionStarted, userId, { documentId: document.id }); // late news
    const done = await until(userId, document.id, (d) => d.status === 'completed');
    await sleep(300);
    expect(await svc.rpc.request(SUBJECTS.getDocument, { userId, documentId: document.id })).toMatchObject({ status: 'completed', progress: 100 });
    const page = await svc.rpc.request(SUBJECTS.listExpenses, { userId, query: { documentId: document.id } });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ id: done.expenseId, vendor: 'CAFE AURORA', amount: '5.99', date: '2026-03-14', status: 'confirmed', category: { name: 'meals' } });
  });

  it('announces each step of a document once, on its progress subject', async () => {
    const userId = aUser();
    const document = await register(userId);
    const subscription = svc.nc.subscribe(PROGRESS_SUBJECTS.expenses(document.id));
    const heard: DocumentProgress[] = [];
    const listening = (async () => {
      for await (const message of subscription) heard.push(message.json<DocumentProgress>());
    })();
    await report(SUBJECTS.extractionStarted, userId, { documentId: document.id });
    await until(userId, document.id, (d) => d.status === 'processing');
    await report(SUBJECTS.extractionStarted, userId, { documentId: document.id }); // repeated: nothing to announce
    await report(SUBJECTS.extractionCompleted, userId, { documentId: document.id, extraction: extraction(), imageHash: null });
    const done = await until(userId, document.id, (d) => d.status === 'completed');
    await sleep(300);
    subscription.unsubscribe();
    await listening;
    expect(heard).toEqual([
      { documentId: document.id, status: 'processing', progress: 10, expenseId: null, failureReason: null },
      { documentId: document.id, status: 'completed', progress: 100, expenseId: done.expenseId, failureReason: null },
    ]);
  });

  it('sends doubtful readings to review', async () => {
    const userId = aUser();
    const document = await register(userId);
    await report(SUBJECTS.extractionCompleted, userId, { documentId: document.id, extraction: extraction({ total: null, vendorName: { value: 'C4FE', confidence: 0.2 } }), imageHash: null });
    const done = await until(userId, document.id, (d) => d.status === 'completed');
    const expense = await svc.rpc.request(SUBJECTS.getExpense, { userId, expenseId: done.expenseId as string });
    expect(expense).toMatchObject({ status: 'needs_review', amount: '0.00', vendor: 'C4FE' });
  });

  it("dead-letters news about another user's document, or with a payload its contract refuses, and keeps consuming", async () => {
    const owner = aUser();
    const intruder = aUser();
    const document = await register(owner);
    const dlq = await (await jetstreamManager(svc.nc)).consumers.add('DLQ', { ack_policy: 'none' as never, filter_subject: 'dlq.OCR.expenses-documents' });
    await report(SUBJECTS.extractionCompleted, intruder, { documentId: document.id, extraction: extraction(), imageHash: null });
    await report(SUBJECTS.extractionFailed, intruder, { documentId: document.id, reason: 'made up' });
    await report(SUBJECTS.extractionCompleted, owner, { documentId: document.id, extraction: { ...extraction(), pages: 'many' } as unknown as Extraction, imageHash: null });
    await report(SUBJECTS.extractionStarted, owner, { documentId: document.id });
    expect(await until(owner, document.id, (d) => d.status === 'processing')).toMatchObject({ expenseId: null });

    const dead: string[] = [];
    for await (const message of await (await jetstream(svc.nc).consumers.get('DLQ', dlq.name)).fetch({ max_messages: 3, expires: 10_000 })) {
      dead.push(message.headers?.get('Irp-Dead-Letter-Reason') ?? '');
    }
    expect(dead).toHaveLength(3); // in any order: the consumer applies four events at once
    expect(dead).toEqual(expect.arrayContaining([
      `the event's user does not own document ${document.id}`,
      `the event's user does not own document ${document.id}`,
      expect.stringMatching(/^invalid event: extraction\.pages: /),
    ]));
    expect(dead.filter((reason) => reason.startsWith("the event's user"))).toHaveLength(2);
    expect((await svc.rpc.request(SUBJECTS.listExpenses, { userId: intruder, query: {} })).items).toEqual([]);
  });

  it('records a failure with its reason', async () => {
    const userId = aUser();
    const document = await register(userId);
    await report(SUBJECTS.extractionFailed, userId, { documentId: document.id, reason: 'the image is corrupt' });
    expect(await until(userId, document.id, (d) => d.status === 'failed')).toMatchObject({ failureReason: 'the image is corrupt', expenseId: null });
  });

  it('flags duplicates: same bytes, same picture, same vendor, date and total', async () => {
    const userId = aUser();
    const sha256 = sha();
    const original = await register(userId, { sha256 });
    await report(SUBJECTS.extractionCompleted, userId, { documentId: original.id, extraction: extraction(), imageHash: 'f0f0f0f0f0f0f0f0' });
    const first = await until(userId, original.id, (d) => d.status === 'completed');

    const sameBytes = await register(userId, { sha256 });
    expect(sameBytes.duplicateOf).toEqual({ documentId: original.id, expenseId: first.expenseId, reason: 'same_file' });

    const reshot = await register(userId);
    await report(SUBJECTS.extractionCompleted, userId, { documentId: reshot.id, extraction: extraction({ total: sure('7.00') }), imageHash: 'f0f0f0f0f0f0f0f3' });
    expect((await until(userId, reshot.id, (d) => d.status === 'completed')).duplicateOf).toMatchObject({ documentId: original.id, reason: 'same_image' });

    const retyped = await register(userId);
    await report(SUBJECTS.extractionCompleted, userId, { documentId: retyped.id, extraction: extraction(), imageHash: '0f0f0f0f0f0f0f0f' });
    const twin = await until(userId, retyped.id, (d) => d.status === 'completed');
    expect(twin.duplicateOf).toMatchObject({ expenseId: first.expenseId, reason: 'same_receipt' });
    expect(await svc.rpc.request(SUBJECTS.getExpense, { userId, expenseId: twin.expenseId as string })).toMatchObject({ status: 'needs_review', duplicateOf: { reason: 'same_receipt' } });
  });

  it('keeps only the part of a duplicate\'s pointer that still exists once its twin is deleted', async () => {
    const userId = aUser();
    const sha256 = sha();
    const original = await register(userId, { sha256 });
    await report(SUBJECTS.extractionCompleted, userId, { documentId: original.id, extraction: extraction(), imageHash: null });
    const { expenseId: originalExpense } = await until(userId, original.id, (d) => d.status === 'completed');
    const sameBytes = await register(userId, { sha256 });
    const retyped = await register(userId);
    await report(SUBJECTS.extractionCompleted, userId, { documentId: retyped.id, extraction: extraction(), imageHash: null });
    const { expenseId: retypedExpense } = await until(userId, retyped.id, (d) => d.status === 'completed');
    const flagged = await svc.rpc.request(SUBJECTS.getExpense, { userId, expenseId: retypedExpense as string });
    expect(flagged.duplicateOf).toEqual({ documentId: original.id, expenseId: originalExpense, reason: 'same_receipt' });
    const updates = svc.nc.subscribe(SUBJECTS.expenseUpdated, { timeout: 5000 });

    await svc.rpc.request(SUBJECTS.deleteDocument, { userId, documentId: original.id });

    const document = (id: string) => svc.rpc.request(SUBJECTS.getDocument, { userId, documentId: id });
    const expense = () => svc.rpc.request(SUBJECTS.getExpense, { userId, expenseId: retypedExpense as string });
    expect((await document(sameBytes.id)).duplicateOf).toEqual({ documentId: null, expenseId: originalExpense, reason: 'same_file' });
    expect(await expense()).toMatchObject({ duplicateOf: { documentId: null, expenseId: originalExpense }, version: flagged.version + 1 });
    for await (const message of updates) {
      const event = message.json<EventEnvelope<{ expense: { id: string }; changed: string[] }>>();
      if (event.data.expense.id !== retypedExpense) continue;
      expect(event.data).toMatchObject({ expense: { duplicateOf: { documentId: null } }, changed: ['duplicateOf'] });
      break;
    }

    await svc.rpc.request(SUBJECTS.deleteExpense, { userId, expenseId: originalExpense as string });

    expect((await document(sameBytes.id)).duplicateOf).toBeNull();
    expect((await document(retyped.id)).duplicateOf).toBeNull();
    expect(await expense()).toMatchObject({ duplicateOf: null, status: 'needs_review' });
  });

  it("files a duplicate and deletes its twin one after the other, so no pointer is left to nothing", async () => {
    const userId = aUser();
    const original = await register(userId);
    await report(SUBJECTS.extractionCompleted, userId, { documentId: original.id, extraction: extraction(), imageHash: 'abababababababab' });
    const { expenseId: originalExpense } = await until(userId, original.id, (d) => d.status === 'completed');
    const reshot = await register(userId);

    let deleted = false;
    let deletion: Promise<unknown> = Promise.resolve();
    await svc.app.get(MikroORM).em.fork().transactional(async (em) => {
      await new OwnerLock(em).take(userId); // as a concurrent upload of the user's would
      deletion = svc.rpc.request(SUBJECTS.deleteDocument, { userId, documentId: original.id }).then(() => (deleted = true));
      await report(SUBJECTS.extractionCompleted, userId, { documentId: reshot.id, extraction: extraction(), imageHash: 'abababababababab' });
      await sleep(300);
      expect(deleted).toBe(false);
      expect((await svc.rpc.request(SUBJECTS.getDocument, { userId, documentId: reshot.id })).status).toBe('queued');
    });
    await deletion;

    const filed = await until(userId, reshot.id, (d) => d.status === 'completed');
    expect(filed.duplicateOf).toMatchObject({ documentId: null, expenseId: originalExpense });
    const expense = await svc.rpc.request(SUBJECTS.getExpense, { userId, expenseId: filed.expenseId as string });
    expect(expense.duplicateOf).toMatchObject({ documentId: null, expenseId: originalExpense });
  });

  it('merges a user\u2019s categories only after the user\u2019s deletions and filings in flight, which also move expenses', async () => {
    const userId = aUser();
    const snacks = await svc.rpc.request(SUBJECTS.createCategory, { userId, name: 'snacks' });
    const body = { vendor: 'Kiosk', date: '2026-03-01', amount: '3.00', currency: 'EUR', category: snacks.id };
    const [kept, deleted] = [await svc.rpc.request(SUBJECTS.createExpense, { userId, expense: body }), await svc.rpc.request(SUBJECTS.createExpense, { userId, expense: body })];
    const meals = (await svc.rpc.request(SUBJECTS.listCategories, { userId })).items.find((c) => c.name === 'meals') as CategoryView;

    let merged = false;
    let merge: Promise<unknown> = Promise.resolve();
    await svc.app.get(MikroORM).em.fork().transactional(async (em) => {
      await new OwnerLock(em).take(userId); // as a deletion of the user's would
      merge = svc.rpc.request(SUBJECTS.mergeCategory, { userId, categoryId: snacks.id, into: meals.id }).then(() => (merged = true));
      await sleep(300);
      expect(merged).toBe(false);
      await em.execute('delete from expenses.expense where id = ?', [deleted.id]);
    });
    await merge;

    expect((await svc.rpc.request(SUBJECTS.getExpense, { userId, expenseId: kept.id })).category.id).toBe(meals.id);
  });

  it('keeps a document whose expense is deleted, no longer pointing at it', async () => {
    const userId = aUser();
    const document = await register(userId);
    await report(SUBJECTS.extractionCompleted, userId, { documentId: document.id, extraction: extraction(), imageHash: null });
    const { expenseId } = await until(userId, document.id, (d) => d.status === 'completed');

    await svc.rpc.request(SUBJECTS.deleteExpense, { userId, expenseId: expenseId as string });

    expect(await svc.rpc.request(SUBJECTS.getDocument, { userId, documentId: document.id })).toMatchObject({ status: 'completed', expenseId: null });
  });

  it('lists, hides from others, and deletes documents', async () => {
    const userId = aUser();
    const a = await register(userId);
    const b = await register(userId, { idempotencyKey: 'k' });
    const replay = await svc.rpc.request(SUBJECTS.registerDocument, { userId, documentId: randomUUID(), objectName: 'x', mimeType: 'image/png', size: 1, sha256: sha(), idempotencyKey: 'k' });
    expect(replay).toMatchObject({ replayed: true, document: { id: b.id } });
    const page = await svc.rpc.request(SUBJECTS.listDocuments, { userId, limit: '1' });
    expect(page.items.map((d) => d.id)).toEqual([b.id]);
    const next = await svc.rpc.request(SUBJECTS.listDocuments, { userId, limit: '1', cursor: page.nextCursor as string });
    expect(next.items.map((d) => d.id)).toEqual([a.id]);
    await expect(svc.rpc.request(SUBJECTS.getDocument, { userId: aUser(), documentId: a.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await svc.rpc.request(SUBJECTS.deleteDocument, { userId, documentId: a.id });
    await expect(svc.rpc.request(SUBJECTS.getDocument, { userId, documentId: a.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps the expense of a deleted document, unlinked from it, and tells subscribers', async () => {
    const userId = aUser();
    const document = await register(userId);
    await report(SUBJECTS.extractionCompleted, userId, { documentId: document.id, extraction: extraction(), imageHash: null });
    const { expenseId } = await until(userId, document.id, (d) => d.status === 'completed');
    const filed = await svc.rpc.request(SUBJECTS.getExpense, { userId, expenseId: expenseId as string });
    const updates = svc.nc.subscribe(SUBJECTS.expenseUpdated, { timeout: 5000 });

    await svc.rpc.request(SUBJECTS.deleteDocument, { userId, documentId: document.id });

    const expense = await svc.rpc.request(SUBJECTS.getExpense, { userId, expenseId: expenseId as string });
    expect(expense).toMatchObject({ documentId: null, vendor: 'CAFE AURORA', version: filed.version + 1 });
    for await (const message of updates) {
      const event = message.json<EventEnvelope<{ expense: { id: string; documentId: string | null }; changed: string[] }>>();
      if (event.data.expense.id !== expenseId) continue;
      expect(event.data).toMatchObject({ expense: { documentId: null }, changed: ['documentId'] });
      break;
    }
  });

  it('links an expense only to a document of its own user', async () => {
    const owner = aUser();
    const document = await register(owner);
    const stranger = aUser();
    const body = { vendor: 'Kiosk', date: '2026-03-01', amount: '3.00', currency: 'EUR', category: 'meals' };
    await expect(svc.rpc.request(SUBJECTS.createExpense, { userId: stranger, expense: { ...body, documentId: document.id } })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ field: 'documentId' }] },
    });
    const own = await svc.rpc.request(SUBJECTS.createExpense, { userId: stranger, expense: body });
    await expect(svc.rpc.request(SUBJECTS.updateExpense, { userId: stranger, expenseId: own.id, changes: { documentId: document.id } })).rejects.toMatchObject({ code: 'VALIDATION' });
    const linked = await svc.rpc.request(SUBJECTS.createExpense, { userId: owner, expense: { ...body, documentId: document.id } });
    expect(linked.documentId).toBe(document.id);
  });
});

describe('the documents storage quota', () => {
  let svc: ExpensesUnderTest;

  beforeAll(async () => {
    svc = await startExpenses({ env: { DOCUMENTS_QUOTA_BYTES: '3000' } });
  });

  afterAll(async () => {
    await svc?.close();
  });

  const register = (userId: string, size: number, idempotencyKey?: string) => registerUpload(svc.rpc, userId, { size, idempotencyKey });

  it("refuses an upload that would take the user's documents over the quota, until some are deleted", async () => {
    const userId = aUser();
    const { document: first } = await register(userId, 1200, 'first');
    await register(userId, 1200);
    await expect(register(userId, 1200)).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED', message: expect.stringMatching(/delete documents/) });
    expect(await register(userId, 1200, 'first')).toMatchObject({ replayed: true, document: { id: first.id } });
    expect(await register(aUser(), 2999)).toMatchObject({ replayed: false });

    await svc.rpc.request(SUBJECTS.deleteDocument, { userId, documentId: first.id });
    expect(await register(userId, 1200)).toMatchObject({ replayed: false });
  });

  it('lets only one of two uploads in at once when the room left is for one', async () => {
    const userId = aUser();
    await register(userId, 1000);
    const results = await Promise.allSettled([register(userId, 1500), register(userId, 1500)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });
});
