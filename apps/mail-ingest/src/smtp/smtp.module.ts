import { Module } from '@nestjs/common';
import { InboxModule } from '../inbox/inbox.module';
import { MailMessagesModule } from '../messages/mail-messages.module';
import { SmtpListener } from './smtp-listener';

@Module({
  imports: [InboxModule, MailMessagesModule],
  providers: [SmtpListener],
})
export class SmtpModule {}
