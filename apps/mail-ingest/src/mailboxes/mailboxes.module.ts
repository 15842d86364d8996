import { Module } from '@nestjs/common';
import { MailMessagesModule } from '../messages/mail-messages.module';
import { MailboxCredentials } from './mailbox-credentials';
import { MailboxPoller } from './mailbox-poller';
import { MailboxRepository } from './mailbox.repository';
import { MailboxSync } from './mailbox-sync';
import { MailboxesHandler } from './mailboxes.handler';
import { MailboxesService } from './mailboxes.service';

@Module({
  imports: [MailMessagesModule],
  controllers: [MailboxesHandler],
  providers: [MailboxesService, MailboxRepository, MailboxCredentials, MailboxSync, MailboxPoller],
})
export class MailboxesModule {}
