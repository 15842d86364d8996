import { defineContracts, rpc } from '../contract-kit';
import { DOCUMENTS_BUCKET } from '../documents/document.dto';
import { STREAMS } from '../events';
import { DeletedResult } from '../expenses/deleted-result.dto';
import { EXPENSES_CONTRACTS } from '../expenses/expenses.contracts';
import { CreateMailboxRequest, ListMailboxesRequest, MailboxIdRequest, MailboxList, MailboxTestResult, MailboxView, UpdateMailboxRequest } from './mailbox.dto';
import {
  GetInboxRequest,
  InboxView,
  ListMailMessagesRequest,
  MAIL_MESSAGES_BUCKET,
  MailMessageIdRequest,
  MailMessagePage,
  MailMessageView,
  RotateInboxRequest,
  UpdateInboxRequest,
} from './mail.dto';

/** What the mail-ingest service serves on the bus, and what it uses: documents go in as uploads do. */
export const MAIL_INGEST_CONTRACTS = defineContracts({
  service: 'mail-ingest',
  streams: [STREAMS.MAIL_INGEST],
  rpc: {
    getInbox: rpc('mail-ingest.inbox.get.v1', GetInboxRequest, InboxView, 'A user\u2019s private inbound address (made on first use) and allowed senders'),
    rotateInbox: rpc('mail-ingest.inbox.rotate.v1', RotateInboxRequest, InboxView, 'A new inbound address; the old one is refused from now on'),
    updateInbox: rpc('mail-ingest.inbox.update.v1', UpdateInboxRequest, InboxView, 'Set the allowed senders (empty: everyone)'),
    listMailMessages: rpc('mail-ingest.message.list.v1', ListMailMessagesRequest, MailMessagePage, 'A page of a user\u2019s received messages, newest first'),
    getMailMessage: rpc('mail-ingest.message.get.v1', MailMessageIdRequest, MailMessageView, 'One received message with its outcome'),
    releaseMailMessage: rpc('mail-ingest.message.release.v1', MailMessageIdRequest, MailMessageView, 'Let a quarantined message through'),
    dropMailMessage: rpc('mail-ingest.message.drop.v1', MailMessageIdRequest, MailMessageView, 'Discard a quarantined or failed message and its bytes'),
    createMailbox: rpc('mail-ingest.mailbox.create.v1', CreateMailboxRequest, MailboxView, 'Add an IMAP mailbox to fetch receipts from (password stored encrypted)'),
    listMailboxes: rpc('mail-ingest.mailbox.list.v1', ListMailboxesRequest, MailboxList, 'A user\u2019s IMAP mailboxes with their state'),
    getMailbox: rpc('mail-ingest.mailbox.get.v1', MailboxIdRequest, MailboxView, 'One IMAP mailbox with its state'),
    updateMailbox: rpc('mail-ingest.mailbox.update.v1', UpdateMailboxRequest, MailboxView, 'Change a mailbox (only the fields given); a new host, user or folder is read from its start'),
    deleteMailbox: rpc('mail-ingest.mailbox.delete.v1', MailboxIdRequest, DeletedResult, 'Stop fetching from a mailbox and forget its credentials'),
    testMailbox: rpc('mail-ingest.mailbox.test.v1', MailboxIdRequest, MailboxTestResult, 'Connect, log in and open the folder now'),
  },
  events: {},
  uses: {
    calls: [EXPENSES_CONTRACTS.rpc.registerDocument.subject],
    objectBuckets: [DOCUMENTS_BUCKET, MAIL_MESSAGES_BUCKET],
  },
});
