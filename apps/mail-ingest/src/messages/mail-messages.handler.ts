import { Controller } from '@nestjs/common';
import { ListMailMessagesRequest, MailMessageIdRequest, SUBJECTS, type MailMessagePage, type MailMessageView } from '@irp/contracts';
import { Rpc } from '@irp/messaging';
import { MailMessagesService } from './mail-messages.service';

@Controller()
export class MailMessagesHandler {
  constructor(private readonly messages: MailMessagesService) {}

  @Rpc(SUBJECTS.listMailMessages)
  list(request: ListMailMessagesRequest): Promise<MailMessagePage> {
    return this.messages.list(request);
  }

  @Rpc(SUBJECTS.getMailMessage)
  get(request: MailMessageIdRequest): Promise<MailMessageView> {
    return this.messages.get(request.userId, request.messageId);
  }

  @Rpc(SUBJECTS.releaseMailMessage)
  release(request: MailMessageIdRequest): Promise<MailMessageView> {
    return this.messages.release(request.userId, request.messageId);
  }

  @Rpc(SUBJECTS.dropMailMessage)
  drop(request: MailMessageIdRequest): Promise<MailMessageView> {
    return this.messages.drop(request.userId, request.messageId);
  }
}
