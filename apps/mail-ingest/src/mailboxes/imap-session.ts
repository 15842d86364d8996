import { ImapFlow } from 'imapflow';
import { isIP } from 'node:net';
import { resolveImapHost } from './imap-host-guard';

export interface ImapTarget {
  host: string;
  port: number;
  tls: boolean;
  username: string;
  password: string;
}

/** A logged-in IMAP connection to a user's server, reached only at an address the guard allows. */
export async function openImapSession(target: ImapTarget, allowPrivateHosts: boolean): Promise<ImapFlow> {
  const address = await resolveImapHost(target.host, allowPrivateHosts);
  const client = new ImapFlow({
    host: address,
    port: target.port,
    secure: target.tls,
    // The certificate is checked against the name the user gave, not the address we resolved.
    ...(isIP(target.host) ? {} : { servername: target.host }),
    tls: { rejectUnauthorized: true, ...(isIP(target.host) ? {} : { servername: target.host }) },
    auth: { user: target.username, pass: target.password },
    logger: false,
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 120_000,
  });
  client.on('error', () => undefined); // surfaced by the failing command instead
  await client.connect();
  return client;
}

/** What to show the user of a failed connection: the server's words when it gave some; never credentials. */
export function describeImapError(error: unknown): string {
  const e = error as { authenticationFailed?: boolean; responseText?: string; code?: string; message?: string };
  if (e.authenticationFailed) return 'the server refused the user name or password';
  if (e.responseText) return `the server answered: ${e.responseText}`;
  if (e.code) return `could not connect (${e.code})`;
  return e.message ?? 'could not connect';
}
