import { simpleParser, type AddressObject, type HeaderValue, type ParsedMail as MailparserMail } from 'mailparser';
import { convert } from 'html-to-text';
import type { AuthenticationResults, MailProvenance } from '@irp/contracts';
import { mimeProblem } from './mime-problems';
import { readsLikeReceipt } from './receipt-like-body';
import { receiptAttachments, type ReceiptPart } from './receipt-attachments';

export interface ParsedMail {
  provenance: MailProvenance;
  authentication: AuthenticationResults;
  /** The documents it holds: receipt attachments, or else its body when that reads like a receipt. */
  parts: ReceiptPart[];
  /** Why it could not be read as a mail, for the user; null when it could. */
  problem: string | null;
}

/** As the reader turns it into text: a table row per line, so an item keeps its amount. */
const HTML_AS_LINES = [
  { selector: 'img', format: 'skip' },
  { selector: 'a', options: { ignoreHref: true } },
  { selector: 'table', format: 'dataTable' },
];

const NO_AUTHENTICATION: AuthenticationResults = { spf: null, dkim: null, dmarc: null };

/**
 * Reads a message as received (RFC 5322): who sent it, what it carries. Forwarded messages
 * (message/rfc822) are opened by mailparser, so the receipt inside a forward is found too.
 * `trustedAuthservId` names the relay whose Authentication-Results header is believed.
 */
export async function parseMail(raw: Buffer, trustedAuthservId: string | null): Promise<ParsedMail> {
  const problem = mimeProblem(raw);
  let mail: MailparserMail;
  try {
    mail = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true, maxHtmlLengthToParse: 2 * 1024 * 1024 });
  } catch (error) {
    return { provenance: emptyProvenance(), authentication: NO_AUTHENTICATION, parts: [], problem: `malformed MIME: ${(error as Error).message}` };
  }
  const provenance = provenanceOf(mail);
  const authentication = authenticationOf(mail.headers.get('authentication-results'), trustedAuthservId);
  if (problem) return { provenance, authentication, parts: [], problem };
  const attachments = await receiptAttachments(mail.attachments);
  return { provenance, authentication, parts: attachments.length > 0 ? attachments : bodyPart(mail), problem: null };
}

function emptyProvenance(): MailProvenance {
  return { sender: null, subject: null, date: null, messageId: null };
}

function provenanceOf(mail: MailparserMail): MailProvenance {
  const from = (mail.from as AddressObject | undefined)?.value[0]?.address ?? null;
  return {
    sender: from?.toLowerCase() ?? null,
    subject: mail.subject?.slice(0, 998) ?? null,
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : null,
    messageId: mail.messageId?.slice(0, 998) ?? null,
  };
}

/** The body as a document of its own (kept as sent, in UTF-8) when it reads like a receipt. */
function bodyPart(mail: MailparserMail): ReceiptPart[] {
  if (typeof mail.html === 'string' && mail.html.trim()) {
    const text = convert(mail.html, { wordwrap: false, selectors: HTML_AS_LINES });
    return readsLikeReceipt(text) ? [{ fileName: 'message.html', mimeType: 'text/html', bytes: Buffer.from(mail.html, 'utf8') }] : [];
  }
  if (mail.text?.trim() && readsLikeReceipt(mail.text)) return [{ fileName: 'message.txt', mimeType: 'text/plain', bytes: Buffer.from(mail.text, 'utf8') }];
  return [];
}

/** spf/dkim/dmarc from the trusted relay's Authentication-Results (RFC 8601); others' are ignored: anyone can write one. */
export function authenticationOf(header: HeaderValue | HeaderValue[] | undefined, trustedAuthservId: string | null): AuthenticationResults {
  if (!trustedAuthservId || header === undefined) return NO_AUTHENTICATION;
  const values = (Array.isArray(header) ? header : [header]).map((value) => (typeof value === 'string' ? value : ''));
  const trusted = values.find((value) => value.trim().toLowerCase().split(/[\s;]/)[0] === trustedAuthservId);
  if (!trusted) return NO_AUTHENTICATION;
  const result = (method: string) => new RegExp(`\\b${method}\\s*=\\s*([a-z]+)`, 'i').exec(trusted)?.[1].toLowerCase() ?? null;
  return { spf: result('spf'), dkim: result('dkim'), dmarc: result('dmarc') };
}
