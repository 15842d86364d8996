import { Module } from '@nestjs/common';
import { InboxMessagesController } from './inbox-messages.controller';
import { InboxController } from './inbox.controller';
import { MailboxesController } from './mailboxes.controller';

/** The mail inbox: the private address, who may send, IMAP mailboxes, and what arrived. */
@Module({ controllers: [InboxController, InboxMessagesController, MailboxesController] })
export class InboxModule {}
