import { BlobStoreModule } from '@irp/blob-store';
import { DOCUMENTS_BUCKET, MAIL_INGEST_CONTRACTS } from '@irp/contracts';
import { defineService } from '@irp/platform';
import { MAIL_INGEST_CONFIG, loadMailIngestConfig } from './config/env';
import { Inbox } from './inbox/inbox.entity';
import { InboxModule } from './inbox/inbox.module';
import { Mailbox } from './mailboxes/mailbox.entity';
import { MailboxesModule } from './mailboxes/mailboxes.module';
import { MailMessage } from './messages/mail-message.entity';
import { MailMessagesModule } from './messages/mail-messages.module';
import { MAIL_INGEST_MIGRATIONS } from './migrations';
import { ProcessingModule } from './processing/processing.module';
import { SmtpModule } from './smtp/smtp.module';

/** The mail-ingest service: inbound SMTP and IMAP mailboxes; each message's receipts become documents of the pipeline. */
export const MAIL_INGEST_SERVICE = defineService({
  name: 'mail-ingest',
  schema: 'mail',
  loadConfig: loadMailIngestConfig,
  configToken: MAIL_INGEST_CONFIG,
  entities: [Inbox, MailMessage, Mailbox],
  migrations: MAIL_INGEST_MIGRATIONS,
  streams: MAIL_INGEST_CONTRACTS.streams,
  features: [BlobStoreModule.forRoot(DOCUMENTS_BUCKET), InboxModule, MailMessagesModule, ProcessingModule, SmtpModule, MailboxesModule],
});
