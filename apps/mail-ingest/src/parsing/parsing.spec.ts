import { createTransport, type SendMailOptions } from 'nodemailer';
import { authenticationOf, parseMail } from './parse-mail';
import { mimeProblem } from './mime-problems';
import { readsLikeReceipt } from './receipt-like-body';
import { quarantineReason } from './sender-policy';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

function compose(message: SendMailOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    createTransport({ streamTransport: true, buffer: true }).sendMail(message, (error, info) => (error ? reject(error) : resolve(info.message as Buffer)));
  });
}

describe('parseMail', () => {
  it('keeps a PDF marked inline and its provenance', async () => {
    const raw = await compose({
      from: 'Shop <Billing@Shop.example>',
      to: 'x@inbox.localhost',
      subject: 'Your invoice',
      messageId: '<inv-1@shop.example>',
      date: new Date('2026-03-01T10:00:00Z'),
      text: 'see attached',
      attachments: [{ filename: 'invoice.pdf', content: PDF, contentDisposition: 'inline', contentType: 'application/octet-stream' }],
    });
    const sut = await parseMail(raw, null);
    expect(sut.problem).toBeNull();
    expect(sut.parts).toEqual([{ fileName: 'invoice.pdf', mimeType: 'application/pdf', bytes: PDF }]);
    expect(sut.provenance).toEqual({ sender: 'billing@shop.example', subject: 'Your invoice', date: '2026-03-01T10:00:00.000Z', messageId: '<inv-1@shop.example>' });
  });

  it('ignores a tiny logo and a body that is no receipt', async () => {
    const raw = await compose({ from: 'a@b.example', text: 'Hi, lunch tomorrow?', attachments: [{ filename: 'logo.png', content: Buffer.alloc(500, 1), contentType: 'image/png' }] });
    const sut = await parseMail(raw, null);
    expect(sut.parts).toEqual([]);
  });

  it('keeps an HTML order confirmation as a document of its own', async () => {
    const html = '<h1>Thanks for your order</h1><p>Order #4451</p><table><tr><td>Cable</td><td>$9.98</td></tr><tr><td>Total</td><td>$9.98</td></tr></table>';
    const sut = await parseMail(await compose({ from: 'shop@x.example', subject: 'Order confirmation', html }), null);
    expect(sut.parts).toHaveLength(1);
    expect(sut.parts[0].mimeType).toBe('text/html');
    expect(sut.parts[0].bytes.toString('utf8')).toContain('Order #4451');
  });

  it('finds the PDF inside a forwarded message', async () => {
    const inner = await compose({ from: 'shop@x.example', subject: 'Receipt', text: 'attached', attachments: [{ filename: 'r.pdf', content: PDF }] });
    const sut = await parseMail(await compose({ from: 'me@y.example', subject: 'Fwd: Receipt', text: 'fyi', attachments: [{ content: inner, contentType: 'message/rfc822' }] }), null);
    expect(sut.parts.map((part) => part.mimeType)).toEqual(['application/pdf']);
  });

  it('calls a multipart message without a boundary malformed', async () => {
    const sut = await parseMail(Buffer.from('From: a@b.example\r\nContent-Type: multipart/mixed\r\n\r\n--x\r\nbody'), null);
    expect(sut.problem).toBe('malformed MIME: a multipart message without a boundary');
  });
});

describe('mimeProblem', () => {
  it('names a message without headers and a boundary that never occurs', () => {
    expect(mimeProblem(Buffer.from('just some text\r\n'))).toBe('malformed MIME: the message has no header block');
    expect(mimeProblem(Buffer.from('Content-Type: multipart/mixed; boundary="abc"\r\n\r\nno parts here'))).toBe('malformed MIME: the multipart boundary never occurs in the body');
    expect(mimeProblem(Buffer.from('Subject: x\r\nContent-Type: text/plain\r\n\r\nhello'))).toBeNull();
  });
});

describe('readsLikeReceipt', () => {
  it('wants a total, an order word and two amounts', () => {
    expect(readsLikeReceipt('Order 12\nItem 3.50\nTotal 3.50')).toBe(true);
    expect(readsLikeReceipt('Our total reach grew 12.50% this quarter')).toBe(false);
  });
});

describe('authenticationOf', () => {
  it('believes only the trusted relay', () => {
    const header = ['mx.example; spf=fail smtp.mailfrom=x; dkim=fail; dmarc=fail', 'evil.example; dmarc=pass'];
    expect(authenticationOf(header, 'mx.example')).toEqual({ spf: 'fail', dkim: 'fail', dmarc: 'fail' });
    expect(authenticationOf(header, null)).toEqual({ spf: null, dkim: null, dmarc: null });
    expect(authenticationOf('evil.example; dmarc=pass', 'mx.example')).toEqual({ spf: null, dkim: null, dmarc: null });
  });
});

describe('quarantineReason', () => {
  const passed = { spf: 'pass', dkim: 'pass', dmarc: 'pass' };
  it('lets everyone through without allowed senders, and only them with', () => {
    expect(quarantineReason('a@b.example', [], passed)).toBeNull();
    expect(quarantineReason('a@b.example', ['@b.example'], passed)).toBeNull();
    expect(quarantineReason('A@B.example', ['a@b.example'], passed)).toBeNull();
    expect(quarantineReason('a@c.example', ['@b.example'], passed)).toBe('a@c.example is not one of your allowed senders');
  });

  it('holds a message that failed DMARC, or SPF and DKIM', () => {
    expect(quarantineReason('a@b.example', [], { ...passed, dmarc: 'fail' })).toMatch(/DMARC/);
    expect(quarantineReason('a@b.example', [], { spf: 'fail', dkim: 'fail', dmarc: null })).toMatch(/SPF and DKIM/);
  });
});
