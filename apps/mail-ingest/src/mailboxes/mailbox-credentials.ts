import { Inject, Injectable } from '@nestjs/common';
import { MAIL_INGEST_CONFIG, type MailIngestConfig } from '../config/env';
import { CredentialCipher } from './credential-cipher';
import type { Mailbox } from './mailbox.entity';
import type { ImapTarget } from './imap-session';

/** Mailbox passwords sealed and opened with the configured keys (MAIL_CREDENTIAL_KEYS). */
@Injectable()
export class MailboxCredentials {
  private readonly cipher: CredentialCipher | null;

  constructor(@Inject(MAIL_INGEST_CONFIG) config: MailIngestConfig) {
    this.cipher = config.imap.credentialKeys.length > 0 ? new CredentialCipher(config.imap.credentialKeys) : null;
  }

  /** False without keys: then no mailbox can be added and none is fetched from. */
  get enabled(): boolean {
    return this.cipher !== null;
  }

  seal(mailbox: Mailbox, password: string): void {
    mailbox.passwordSealed = this.required().encrypt(password, mailbox.id);
  }

  targetOf(mailbox: Mailbox): ImapTarget {
    const password = this.required().decrypt(mailbox.passwordSealed, mailbox.id);
    return { host: mailbox.host, port: mailbox.port, tls: mailbox.tls, username: mailbox.username, password };
  }

  /** A password sealed under a retired key is sealed again under the current one. */
  resealIfStale(mailbox: Mailbox): void {
    const cipher = this.required();
    if (cipher.isStale(mailbox.passwordSealed)) this.seal(mailbox, cipher.decrypt(mailbox.passwordSealed, mailbox.id));
  }

  private required(): CredentialCipher {
    if (!this.cipher) throw new Error('MAIL_CREDENTIAL_KEYS is not set');
    return this.cipher;
  }
}
