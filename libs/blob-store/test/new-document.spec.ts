import { connect, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import { randomBytes, randomUUID } from 'node:crypto';
import { SUBJECTS, type RegisterDocumentRequest } from '@irp/contracts';
import { RpcClient } from '@irp/messaging';
import { startNatsServer, type TestServer } from '@irp/testing';
import { NatsObjectBlobStore, storeNewDocument } from '../src';

/** Real NATS and a real bucket; expenses' registration stands in, answering as each test says. */
describe(storeNewDocument.name, () => {
  let nats: TestServer;
  let nc: NatsConnection;
  let blobs: NatsObjectBlobStore;
  let expenses: Subscription | undefined;
  let registrations: RegisterDocumentRequest[];

  beforeAll(async () => {
    nats = await startNatsServer();
    nc = await connect({ servers: nats.url });
    blobs = await NatsObjectBlobStore.open(nc, 'new-documents');
  });

  afterEach(() => expenses?.unsubscribe());

  afterAll(async () => {
    await nc?.close();
    await nats?.dispose();
  });

  /** Expenses answering the nth copy of a registration with `answer` (nothing: a replica killed with it in hand). */
  function expensesAnswering(answer: (request: RegisterDocumentRequest, copy: number) => object | undefined): void {
    registrations = [];
    expenses = nc.subscribe(SUBJECTS.registerDocument, {
      callback: (_error, message) => {
        const { data } = message.json<{ data: RegisterDocumentRequest }>();
        registrations.push(data);
        const reply = answer(data, registrations.length);
        if (reply) message.respond(JSON.stringify(reply));
      },
    });
  }

  const bytes = randomBytes(2_000);
  const store = () => storeNewDocument(blobs, new RpcClient(nc, 300), bytes, 10_000, { userId: randomUUID(), mimeType: 'image/jpeg', idempotencyKey: randomUUID() });
  const kept = async (objectName: string) => (await blobs.getBuffer(objectName))?.equals(bytes) ?? false;

  it('stores the bytes under the user, then registers them', async () => {
    expensesAnswering((request) => ({ response: { document: { id: request.documentId }, replayed: false } }));
    const { document } = await store();
    expect(registrations).toEqual([expect.objectContaining({ documentId: document.id, objectName: `${registrations[0].userId}/${document.id}`, size: bytes.length, mimeType: 'image/jpeg' })]);
    expect(await kept(registrations[0].objectName)).toBe(true);
  });

  it('keeps the bytes when the registration, sent again after a timeout, answers with this very document', async () => {
    expensesAnswering((request, copy) => (copy === 1 ? undefined : { response: { document: { id: request.documentId }, replayed: true } }));
    const { document, replayed } = await store();
    expect([replayed, registrations.length, document.id]).toEqual([true, 2, registrations[0].documentId]);
    expect(await kept(registrations[0].objectName)).toBe(true);
  });

  it('drops the bytes of a replay of an earlier document, and of a refused registration', async () => {
    expensesAnswering(() => ({ response: { document: { id: randomUUID() }, replayed: true } }));
    await store();
    expect(await kept(registrations[0].objectName)).toBe(false);
    expenses?.unsubscribe();
    expensesAnswering(() => ({ err: { code: 'QUOTA_EXCEEDED', message: 'over the quota' } }));
    await expect(store()).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' });
    expect(await kept(registrations[0].objectName)).toBe(false);
  });

  it('keeps the bytes when expenses never answered: the registration may have been made', async () => {
    expensesAnswering(() => undefined);
    await expect(store()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(await kept(registrations[0].objectName)).toBe(true);
  });
});
