import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseDto, type DocumentView, MailMessageView, type InboxView, type MailMessagePage } from '@irp/contracts';
import { httpClient, invoicePdf, receiptImage, startTestPlatform, type HttpClient, type TestPlatform } from '@irp/testing';
import { composeMessage, freeTcpPort, rawMessage, smtpClient } from './mail-smtp';
import { newSession, type Session } from './session';

const ORDER_CONFIRMATION = `<html><body><table width="100%"><tr><td><img src="https://shop.example/logo.png" width="120" height="40">
<h1>Thanks for your order!</h1><p>Order number: 112-4455</p><p>Date: 2026-03-02</p>
<table><tr><th>Item</th><th>Qty</th><th>Price</th></tr>
<tr><td>USB-C cable</td><td>2</td><td>EUR 9.98</td></tr>
<tr><td>Charger</td><td>1</td><td>EUR 24.99</td></tr>
<tr><td>Order total</td><td></td><td>EUR 34.97</td></tr></table>
<img src="https://shop.example/pixel.gif" width="1" height="1"></td></tr></table></body></html>`;

describe('mail: a receipt sent by e-mail becomes a document', () => {
  let platform: TestPlatform;
  let api: HttpClient;
  let smtp: ReturnType<typeof smtpClient>;
  let me: Session;
  let inbox: InboxView;
  let invoice: Buffer;

  beforeAll(async () => {
    const smtpPort = await freeTcpPort();
    platform = await startTestPlatform({ serviceEnv: { 'mail-ingest': { SMTP_PORT: String(smtpPort), MAIL_MAX_BYTES: String(10 * 1024 * 1024) } } });
    api = httpClient(`${platform.gatewayUrl}/api/v1`);
    smtp = smtpClient(smtpPort);
    me = await newSession(api);
    inbox = (await api.get<InboxView>('/inbox', { token: me.token })).body;
    invoice = await invoicePdf([['ACME Office Supplies Ltd', 'Invoice INV-2026-0042', 'Date: 2026-02-11', 'Paper A4 x10   45.00', 'Total due EUR   45.00']]);
  });

  afterAll(async () => {
    smtp?.close();
    await platform?.close();
  });

  /** The message of this subject once it has an outcome (filed, quarantined, failed). */
  async function settledMessage(session: Session, subject: string, timeoutMs = 30_000): Promise<MailMessageView> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { body } = await api.get<MailMessagePage>('/inbox/messages?limit=100', { token: session.token });
      const message = body.items.find((item) => item.provenance.subject === subject);
      if (message && message.status !== 'received') return message;
      if (Date.now() > deadline) throw new Error(`message "${subject}" is ${message?.status ?? 'not there'}`);
      await sleep(100);
    }
  }

  async function settledDocument(session: Session, id: string, timeoutMs = 60_000): Promise<DocumentView> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { body } = await api.get<DocumentView>(`/documents/${id}`, { token: session.token });
      if (body.status === 'completed' || body.status === 'failed') return body;
      if (Date.now() > deadline) throw new Error(`document ${id} still ${body.status}`);
      await sleep(200);
    }
  }

  it('gives each user a private address', async () => {
    expect(inbox.address).toMatch(/^[a-z2-7]{24}@inbox\.localhost$/);
    expect(inbox.allowedSenders).toEqual([]);
    const again = await api.get<InboxView>('/inbox', { token: me.token });
    expect(again.body.address).toBe(inbox.address);
    const other = await newSession(api);
    expect((await api.get<InboxView>('/inbox', { token: other.token })).body.address).not.toBe(inbox.address);
  });

  it('files a PDF invoice attachment as a document, with the mail as its provenance', async () => {
    const subject = `Invoice ${randomUUID()}`;
    const messageId = `<${randomUUID()}@shop.example>`;
    const sent = await smtp.send({
      from: 'ACME Billing <billing@acme.example>',
      to: inbox.address,
      subject,
      messageId,
      date: new Date('2026-02-11T09:30:00Z'),
      text: 'Your invoice is attached.',
      attachments: [{ filename: 'INV-2026-0042.pdf', content: invoice }],
    });
    expect(sent.accepted).toEqual([inbox.address]);

    const message = await settledMessage(me, subject);
    expect(message).toMatchObject({ status: 'processed', channel: 'smtp', reason: null });
    expect(() => parseDto(MailMessageView, message)).not.toThrow();
    expect(message.documentIds).toHaveLength(1);

    const document = await settledDocument(me, message.documentIds[0]);
    expect(document).toMatchObject({ status: 'completed', mimeType: 'application/pdf', fileName: 'INV-2026-0042.pdf' });
    expect(document.provenance).toEqual({ channel: 'email', sender: 'billing@acme.example', subject, date: '2026-02-11T09:30:00.000Z', messageId });
    expect(document.extraction?.source).toBe('pdf-text');
    expect(document.extraction?.fields.total?.value).toBe('45.00');
  });

  it('files an image sent inline (cid), and ignores the small logo beside it', async () => {
    const subject = `Lunch ${randomUUID()}`;
    const photo = await receiptImage(['CAFE AURORA', 'Date: 14/03/2026', 'Espresso   3.20', 'TOTAL EUR   3.20']);
    const logo = await receiptImage(['ACME'], { width: 120 });
    await smtp.send({
      from: 'me@example.com',
      to: inbox.address,
      subject,
      html: '<p>Receipt below</p><img src="cid:receipt@x"><img src="cid:logo@x">',
      attachments: [
        { filename: 'IMG_0001.jpg', content: photo, cid: 'receipt@x', contentDisposition: 'inline' },
        { filename: 'logo.jpg', content: logo, cid: 'logo@x', contentDisposition: 'inline' },
      ],
    });
    const message = await settledMessage(me, subject);
    expect(message.status).toBe('processed');
    expect(message.documentIds).toHaveLength(1);
    const document = await settledDocument(me, message.documentIds[0]);
    expect(document).toMatchObject({ mimeType: 'image/jpeg', fileName: 'IMG_0001.jpg', size: photo.length });
  });

  it('files an HTML-only order confirmation: its text is read without OCR, the original is downloadable', async () => {
    const subject = `Your order 112-4455 ${randomUUID()}`;
    await smtp.send({ from: 'orders@shop.example', to: inbox.address, subject, html: ORDER_CONFIRMATION });
    const message = await settledMessage(me, subject);
    expect(message.status).toBe('processed');
    const document = await settledDocument(me, message.documentIds[0]);
    expect(document).toMatchObject({ status: 'completed', mimeType: 'text/html' });
    expect(document.extraction?.source).toBe('text');
    expect(document.extraction?.text).toMatch(/USB-C cable\s+2\s+EUR 9\.98/);
    expect(document.extraction?.fields.total?.value).toBe('34.97');

    const file = await fetch(`${platform.gatewayUrl}/api/v1/documents/${document.id}/file`, { headers: { authorization: `Bearer ${me.token}` } });
    expect(file.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(file.headers.get('content-security-policy')).toBe('sandbox');
    expect(await file.text()).toContain('Order number: 112-4455');
  });

  it('opens a forwarded message and files the receipt inside it', async () => {
    const subject = `Fwd: Receipt ${randomUUID()}`;
    const original = await composeMessage({ from: 'hotel@stay.example', to: 'me@example.com', subject: 'Your folio', text: 'Folio attached', attachments: [{ filename: 'folio.pdf', content: invoice }] });
    await smtp.send({ from: 'me@example.com', to: inbox.address, subject, text: 'see below', attachments: [{ content: original, contentType: 'message/rfc822', filename: 'folio.eml' }] });
    const message = await settledMessage(me, subject);
    expect(message.status).toBe('processed');
    expect(message.documentIds).toHaveLength(1);
    const document = await settledDocument(me, message.documentIds[0]);
    expect(document).toMatchObject({ mimeType: 'application/pdf', fileName: 'folio.pdf' });
  });

  it('keeps a message delivered twice once, with one document', async () => {
    const subject = `Twice ${randomUUID()}`;
    const message = { from: 'billing@acme.example', to: inbox.address, subject, messageId: `<${randomUUID()}@acme.example>`, attachments: [{ filename: 'again.pdf', content: invoice }] };
    await smtp.send(message);
    await smtp.send(message);
    const settled = await settledMessage(me, subject);
    await sleep(1000); // time for a second copy to be filed, were it kept
    const { body } = await api.get<MailMessagePage>('/inbox/messages?limit=100', { token: me.token });
    expect(body.items.filter((item) => item.provenance.subject === subject)).toHaveLength(1);
    expect(settled.documentIds).toHaveLength(1);
  });

  it('refuses an unknown address at RCPT with 550', async () => {
    const refusal = await smtp.refusal({ from: 'a@b.example', to: 'nobodyhereatallxxxxxxxxx@inbox.localhost', subject: 'x', text: 'x' });
    expect(refusal.responseCode).toBe(550);
    expect(refusal.command).toBe('RCPT TO');
  });

  it('refuses a message over the size limit with 552 during DATA, without the declared size', async () => {
    const big = Buffer.alloc(30 * 1024 * 1024, 'a');
    // The envelope declares no SIZE, so the limit can only be found while the data streams in.
    const refusal = await smtp.refusal({ envelope: { from: 'a@b.example', to: inbox.address, size: undefined } as never, subject: 'big', text: 'x', attachments: [{ filename: 'big.pdf', content: big }] });
    expect(refusal.responseCode).toBe(552);
    expect(refusal.command).toBe('DATA');
    // The service is unharmed: the next message goes through.
    const after = await smtp.send({ from: 'a@b.example', to: inbox.address, subject: `after ${randomUUID()}`, text: 'fine' });
    expect(after.accepted).toEqual([inbox.address]);
  });

  it('keeps a malformed MIME message as failed with the reason, and goes on', async () => {
    const subject = `Broken ${randomUUID()}`;
    await smtp.send({
      envelope: { from: 'a@b.example', to: [inbox.address] },
      ...rawMessage(['From: a@b.example', `To: ${inbox.address}`, `Subject: ${subject}`, 'Content-Type: multipart/mixed', '', '--nothing', 'Content-Type: application/pdf', '', 'not really']),
    });
    const message = await settledMessage(me, subject);
    expect(message).toMatchObject({ status: 'failed', reason: 'malformed MIME: a multipart message without a boundary', documentIds: [] });
  });

  it('fails a message with nothing to file, saying why', async () => {
    const subject = `Lunch tomorrow? ${randomUUID()}`;
    await smtp.send({ from: 'friend@example.com', to: inbox.address, subject, text: 'Shall we meet at noon?' });
    const message = await settledMessage(me, subject);
    expect(message.status).toBe('failed');
    expect(message.reason).toMatch(/no receipt or invoice found/);
  });

  it('quarantines senders not allowed; a released message is filed, a dropped one is gone', async () => {
    const user = await newSession(api);
    const address = (await api.get<InboxView>('/inbox', { token: user.token })).body.address;
    const set = await fetch(`${platform.gatewayUrl}/api/v1/inbox`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ allowedSenders: ['@acme.example'] }),
    });
    expect(set.status).toBe(200);
    expect(((await set.json()) as InboxView).allowedSenders).toEqual(['@acme.example']);

    await smtp.send({ from: 'billing@acme.example', to: address, subject: 'allowed', attachments: [{ filename: 'a.pdf', content: invoice }] });
    await smtp.send({ from: 'stranger@other.example', to: address, subject: 'stranger 1', attachments: [{ filename: 'b.pdf', content: invoice }] });
    await smtp.send({ from: 'stranger@other.example', to: address, subject: 'stranger 2', attachments: [{ filename: 'c.pdf', content: invoice }] });
    expect((await settledMessage(user, 'allowed')).status).toBe('processed');
    const held = await settledMessage(user, 'stranger 1');
    await settledMessage(user, 'stranger 2');
    expect(held).toMatchObject({ status: 'quarantined', reason: 'stranger@other.example is not one of your allowed senders', documentIds: [] });

    const quarantined = await api.get<MailMessagePage>('/inbox/messages?status=quarantined', { token: user.token });
    expect(quarantined.body.items.map((item) => item.provenance.subject).sort()).toEqual(['stranger 1', 'stranger 2']);

    const released = await api.post<MailMessageView>(`/inbox/messages/${held.id}/release`, undefined, { token: user.token });
    expect(released.status).toBe(200);
    const filed = await settledMessage(user, 'stranger 1');
    expect(filed.status).toBe('processed');
    expect(filed.documentIds).toHaveLength(1);

    const other = quarantined.body.items.find((item) => item.provenance.subject === 'stranger 2') as MailMessageView;
    const dropped = await api.post<MailMessageView>(`/inbox/messages/${other.id}/drop`, undefined, { token: user.token });
    expect(dropped.body.status).toBe('dropped');
    expect((await api.post(`/inbox/messages/${other.id}/release`, undefined, { token: user.token })).status).toBe(409);
    // Someone else's message is not found, whatever its id.
    expect((await api.get(`/inbox/messages/${held.id}`, { token: me.token })).status).toBe(404);
  });

  it('refuses mail to a rotated-away address; the new one works', async () => {
    const user = await newSession(api);
    const before = (await api.get<InboxView>('/inbox', { token: user.token })).body.address;
    const rotated = await api.post<InboxView>('/inbox/rotate', undefined, { token: user.token });
    expect(rotated.status).toBe(200);
    expect(rotated.body.address).not.toBe(before);
    expect((await smtp.refusal({ from: 'a@b.example', to: before, subject: 'old', text: 'x' })).responseCode).toBe(550);
    expect((await smtp.send({ from: 'a@b.example', to: rotated.body.address, subject: 'new', text: 'x' })).accepted).toEqual([rotated.body.address]);
  });

  it('answers bad input with 400 naming the field', async () => {
    const bad = await fetch(`${platform.gatewayUrl}/api/v1/inbox`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${me.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ allowedSenders: ['not an address'] }),
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('allowedSenders');
    expect((await api.get('/inbox/messages?status=nope', { token: me.token })).status).toBe(400);
    expect((await api.get('/inbox/messages?cursor=garbage', { token: me.token })).status).toBe(400);
  });
});
