import { Module } from '@nestjs/common';
import { InboxModule } from '../inbox/inbox.module';
import { MailMessagesModule } from '../messages/mail-messages.module';
import { DocumentFiler } from './document-filer';
import { MailProcessor } from './mail-processor';
import { MailWorkers } from './mail-workers';

@Module({
  imports: [InboxModule, MailMessagesModule],
  providers: [DocumentFiler, MailProcessor, MailWorkers],
})
export class ProcessingModule {}
