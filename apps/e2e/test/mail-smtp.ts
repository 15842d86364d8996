import { createServer } from 'node:net';
import { createTransport, type SendMailOptions } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

/** A port nobody listens on now (the OS picks it). */
export function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export type SmtpError = Error & { responseCode?: number; command?: string; response?: string };

/** A real SMTP client (nodemailer) talking to the service's listener, as a mail relay would. */
export function smtpClient(port: number) {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, pool: false, socketTimeout: 60_000 } as SMTPTransport.Options);
  return {
    send: (message: SendMailOptions) => transport.sendMail(message),
    /** The SMTP error the message was refused with (fails the test when it was accepted). */
    async refusal(message: SendMailOptions): Promise<SmtpError> {
      try {
        await transport.sendMail(message);
      } catch (error) {
        return error as SmtpError;
      }
      throw new Error('the message was accepted');
    },
    close: () => transport.close(),
  };
}

/** A message as a relay would deliver it byte for byte (for the malformed ones nodemailer would not write). */
export function rawMessage(lines: string[]): { raw: string } {
  return { raw: `${lines.join('\r\n')}\r\n` };
}

/** A message written out as RFC 822 bytes, e.g. to forward it as an attachment. */
export function composeMessage(message: SendMailOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    createTransport({ streamTransport: true, buffer: true }).sendMail(message, (error, info) => (error ? reject(error) : resolve(info.message as Buffer)));
  });
}
