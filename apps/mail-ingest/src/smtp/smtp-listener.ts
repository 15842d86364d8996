import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { getLogger } from '@irp/observability';
import { withRequestContext } from '@irp/persistence';
import { MAIL_INGEST_CONFIG, type MailIngestConfig } from '../config/env';
import { InboxService } from '../inbox/inbox.service';
import { MailMessagesService } from '../messages/mail-messages.service';

/** Recipients one message may have; more are refused (452) as RFC 5321 allows. */
const MAX_RECIPIENTS = 20;
/** Connections at once: each may hold a message of up to MAIL_MAX_BYTES in memory. */
const MAX_CLIENTS = 100;

/** An SMTP reply to a command, with its code. */
function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * Inbound SMTP: mail to a user's private address is accepted and kept for the workers. Unknown
 * and rotated-away addresses are refused at RCPT (550); a message over the limit is refused when
 * its DATA ends (552) and is not buffered past the limit.
 */
@Injectable()
export class SmtpListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = getLogger(SmtpListener.name);
  private server?: SMTPServer;

  constructor(
    @Inject(MAIL_INGEST_CONFIG) private readonly config: MailIngestConfig,
    private readonly orm: MikroORM,
    private readonly inboxes: InboxService,
    private readonly messages: MailMessagesService,
  ) {}

  /** Where it listens (port 0 in the configuration: the one the system chose). */
  get port(): number {
    return (this.server?.server.address() as AddressInfo | null)?.port ?? 0;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { smtp } = this.config;
    const tls = smtp.tls && { cert: readFileSync(smtp.tls.certFile), key: readFileSync(smtp.tls.keyFile) };
    this.server = new SMTPServer({
      name: hostname(),
      banner: 'receipts inbox',
      size: smtp.maxBytes,
      rejectOversized: true,
      maxClients: MAX_CLIENTS,
      authOptional: true,
      disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
      ...tls,
      logger: false,
      onRcptTo: (address, session, callback) => void this.onRcptTo(address, session).then(() => callback(), callback),
      onData: (stream, session, callback) => void this.onData(stream, session).then(() => callback(), callback),
    });
    this.server.on('error', (error) => this.log.warn({ err: error }, 'smtp connection error'));
    await new Promise<void>((resolve, reject) => {
      this.server?.server.once('error', reject);
      this.server?.listen(smtp.port, smtp.host, () => resolve());
    });
    this.log.info({ port: this.port, domain: smtp.domain, starttls: Boolean(tls) }, 'smtp listening');
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async onRcptTo(address: SMTPServerAddress, session: SMTPServerSession): Promise<void> {
    if (session.envelope.rcptTo.length >= MAX_RECIPIENTS) throw smtpError(452, 'too many recipients');
    const inbox = await withRequestContext(this.orm, () => this.inboxes.findByAddress(address.address));
    if (!inbox) throw smtpError(550, `no such mailbox: ${address.address}`);
  }

  private async onData(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const raw = await collect(stream);
    if (!raw) return; // over the limit: smtp-server answers 552 itself (rejectOversized)
    const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address || null : null;
    await withRequestContext(this.orm, async () => {
      for (const recipient of session.envelope.rcptTo) {
        const inbox = await this.inboxes.findByAddress(recipient.address);
        // Rotated away between RCPT and the end of DATA: that copy has nowhere to go.
        if (inbox) await this.messages.accept({ userId: inbox.userId, channel: 'smtp', raw, envelopeFrom });
      }
    });
  }
}

/** The message's bytes, or null once it went over the size limit (the rest is read and discarded, never kept). */
async function collect(stream: SMTPServerDataStream): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (stream.sizeExceeded) chunks.length = 0;
    else chunks.push(chunk);
  }
  return stream.sizeExceeded ? null : Buffer.concat(chunks);
}
