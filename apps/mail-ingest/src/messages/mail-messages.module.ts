import { Module } from '@nestjs/common';
import { MailMessageRepository } from './mail-message.repository';
import { MailMessagesHandler } from './mail-messages.handler';
import { MailMessagesService } from './mail-messages.service';
import { NewMailSignal } from './new-mail.signal';
import { rawMessagesProvider } from './raw-messages.store';

@Module({
  controllers: [MailMessagesHandler],
  providers: [MailMessagesService, MailMessageRepository, NewMailSignal, rawMessagesProvider],
  exports: [MailMessagesService, MailMessageRepository, NewMailSignal, rawMessagesProvider],
})
export class MailMessagesModule {}
