import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ImapFlow } from 'imapflow';
import type { MailboxTestResult, MailboxView, MailMessagePage, MailMessageView } from '@irp/contracts';
import { httpClient, invoicePdf, startImapServer, startTestPlatform, type HttpClient, type TestImapServer, type TestPlatform } from '@irp/testing';
import { composeMessage } from './mail-smtp';
import { newSession, type Session } from './session';

describe('mail: receipts fetched from an IMAP mailbox (a real dovecot)', () => {
  let imap: TestImapServer;
  let platform: TestPlatform;
  let api: HttpClient;
  let me: Session;
  let owner: ImapFlow;
  let invoice: Buffer;
  const password = `pw-${randomUUID()}`;

  beforeAll(async () => {
    imap = await startImapServer();
    await imap.addUser('alice', password);
    platform = await startTestPlatform({ serviceEnv: { 'mail-ingest': { IMAP_ALLOW_PRIVATE_HOSTS: 'true', IMAP_POLL_SECONDS: '1', IMAP_IDLE_SECONDS: '8' } } });
    api = httpClient(`${platform.gatewayUrl}/api/v1`);
    me = await newSession(api);
    owner = new ImapFlow({ host: imap.host, port: imap.port, secure: false, auth: { user: 'alice', pass: password }, logger: false });
    await owner.connect();
    invoice = await invoicePdf([['ACME Office Supplies Ltd', 'Invoice INV-7', 'Date: 2026-02-11', 'Total due EUR   45.00']]);
  });

  afterAll(async () => {
    await owner?.logout().catch(() => undefined);
    await platform?.close();
    await imap?.stop();
  });

  /** The mailbox's owner receives a message (appended to a folder as a delivery would). */
  async function deliver(folder: string, subject: string, options: { from?: string; messageId?: string } = {}): Promise<string> {
    const messageId = options.messageId ?? `<${randomUUID()}@acme.example>`;
    const raw = await composeMessage({ from: options.from ?? 'billing@acme.example', to: 'alice@example.com', subject, messageId, text: 'attached', attachments: [{ filename: 'invoice.pdf', content: invoice }] });
    await owner.append(folder, raw);
    return messageId;
  }

  async function addMailbox(body: Record<string, unknown>): Promise<{ status: number; body: MailboxView & { detail?: string } }> {
    const response = await fetch(`${platform.gatewayUrl}/api/v1/mailboxes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${me.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ host: imap.host, port: imap.port, tls: false, username: 'alice', password, ...body }),
    });
    return { status: response.status, body: (await response.json()) as MailboxView & { detail?: string } };
  }

  async function imapMessages(subject?: string): Promise<MailMessageView[]> {
    const { body } = await api.get<MailMessagePage>('/inbox/messages?limit=100', { token: me.token });
    return body.items.filter((item) => item.channel === 'imap' && (subject === undefined || item.provenance.subject === subject));
  }

  async function settled(subject: string, timeoutMs = 30_000): Promise<MailMessageView> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [message] = await imapMessages(subject);
      if (message && message.status !== 'received') return message;
      if (Date.now() > deadline) throw new Error(`message "${subject}" is ${message?.status ?? 'not there'}`);
      await sleep(200);
    }
  }

  async function mailbox(id: string): Promise<MailboxView> {
    return (await api.get<MailboxView>(`/mailboxes/${id}`, { token: me.token })).body;
  }

  async function syncedAfter(id: string, since: number, timeoutMs = 30_000): Promise<MailboxView> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const view = await mailbox(id);
      if (view.lastSyncedAt && Date.parse(view.lastSyncedAt) > since) return view;
      if (Date.now() > deadline) throw new Error(`mailbox ${id} has not synced since ${new Date(since).toISOString()}`);
      await sleep(200);
    }
  }

  let inbox: MailboxView;

  it('adds a mailbox without ever showing its password, and tests the connection', async () => {
    const added = await addMailbox({ afterProcessing: 'seen' });
    expect(added.status).toBe(201);
    inbox = added.body;
    expect(inbox).toMatchObject({ host: imap.host, port: imap.port, username: 'alice', folder: 'INBOX', afterProcessing: 'seen' });
    expect(JSON.stringify(inbox)).not.toContain(password);
    const tested = await api.post<MailboxTestResult>(`/mailboxes/${inbox.id}/test`, undefined, { token: me.token });
    expect(tested.body).toEqual({ ok: true, error: null, messages: expect.any(Number) as number });
    const list = await api.get<{ items: MailboxView[] }>('/mailboxes', { token: me.token });
    expect(list.body.items.map((item) => item.id)).toEqual([inbox.id]);
  });

  it('picks new mail up once, files its receipt, and marks it seen', async () => {
    const subject = `Invoice ${randomUUID()}`;
    await deliver('INBOX', subject);
    const message = await settled(subject);
    expect(message).toMatchObject({ status: 'processed', channel: 'imap' });
    expect(message.documentIds).toHaveLength(1);
    expect((await mailbox(inbox.id)).state).toBe('ok');

    const second = `Invoice ${randomUUID()}`;
    await deliver('INBOX', second); // arrives while the service waits in IDLE
    expect((await settled(second)).status).toBe('processed');
    await syncedAfter(inbox.id, Date.now());
    expect(await imapMessages(subject)).toHaveLength(1);

    const lock = await owner.getMailboxLock('INBOX');
    try {
      const flags = [];
      for await (const fetched of owner.fetch('1:*', { flags: true, envelope: true })) flags.push({ subject: fetched.envelope?.subject, seen: fetched.flags?.has('\\Seen') });
      expect(flags.filter((entry) => entry.subject === subject || entry.subject === second).every((entry) => entry.seen)).toBe(true);
    } finally {
      lock.release();
    }
  });

  it('does not take old mail again after the service restarts', async () => {
    const before = (await imapMessages()).length;
    await platform.restart('mail-ingest');
    const restartedAt = Date.now();
    await syncedAfter(inbox.id, restartedAt);
    await syncedAfter(inbox.id, Date.now()); // and once more
    expect((await imapMessages()).length).toBe(before);
  });

  it('reads a folder again when its UIDVALIDITY changes, without taking the same message twice', async () => {
    await owner.mailboxCreate('Receipts');
    const kept = `Folio ${randomUUID()}`;
    const keptId = await deliver('Receipts', kept, { from: 'frontdesk@hotel.example' });
    await deliver('Receipts', `Newsletter ${randomUUID()}`, { from: 'news@elsewhere.example' });
    const added = await addMailbox({ folder: 'Receipts', senderFilter: 'hotel.example', afterProcessing: 'none' });
    expect(added.status).toBe(201);
    expect((await settled(kept)).status).toBe('processed');

    // Recreated: dovecot gives it a new UIDVALIDITY (time-based, hence the pause) and starts UIDs at 1 again.
    await owner.mailboxDelete('Receipts');
    await sleep(1_100);
    await owner.mailboxCreate('Receipts');
    await deliver('Receipts', kept, { from: 'frontdesk@hotel.example', messageId: keptId });
    const fresh = `Folio ${randomUUID()}`;
    await deliver('Receipts', fresh, { from: 'frontdesk@hotel.example' });
    expect((await settled(fresh)).status).toBe('processed');
    await syncedAfter(added.body.id, Date.now());
    expect(await imapMessages(kept)).toHaveLength(1);
    expect((await imapMessages()).some((item) => item.provenance.subject?.startsWith('Newsletter'))).toBe(false);
  });

  it('shows a connection failure on the mailbox, in words; a corrected password is tried at once', async () => {
    const added = await addMailbox({ password: 'wrong password', folder: 'INBOX', afterProcessing: 'none' });
    expect(added.status).toBe(201);
    const tested = await api.post<MailboxTestResult>(`/mailboxes/${added.body.id}/test`, undefined, { token: me.token });
    expect(tested.body).toEqual({ ok: false, error: 'the server refused the user name or password', messages: null });
    const deadline = Date.now() + 20_000;
    let view = await mailbox(added.body.id);
    while (view.state !== 'failing' && Date.now() < deadline) {
      await sleep(200);
      view = await mailbox(added.body.id);
    }
    expect(view).toMatchObject({ state: 'failing', lastError: 'the server refused the user name or password' });

    // The right password: tried again at once, and it works.
    const fixed = await fetch(`${platform.gatewayUrl}/api/v1/mailboxes/${added.body.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${me.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ password }),
    });
    expect(fixed.status).toBe(200);
    expect(JSON.stringify(await fixed.json())).not.toContain(password);
    const recovered = await syncedAfter(added.body.id, 0);
    expect(recovered).toMatchObject({ state: 'ok', lastError: null });
    expect((await fetch(`${platform.gatewayUrl}/api/v1/mailboxes/${added.body.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${me.token}` } })).status).toBe(204);
    expect((await api.get(`/mailboxes/${added.body.id}`, { token: me.token })).status).toBe(404);
  });

  it('answers bad input with 400 and others\u2019 mailboxes with 404', async () => {
    expect((await addMailbox({ port: 70000 })).status).toBe(400);
    expect((await addMailbox({ afterProcessing: 'move' })).status).toBe(400);
    const stranger = await newSession(api);
    expect((await api.get(`/mailboxes/${inbox.id}`, { token: stranger.token })).status).toBe(404);
    expect((await api.post(`/mailboxes/${inbox.id}/test`, undefined, { token: stranger.token })).status).toBe(404);
  });
});
