import { Controller } from '@nestjs/common';
import { CreateMailboxRequest, ListMailboxesRequest, MailboxIdRequest, SUBJECTS, UpdateMailboxRequest, type MailboxList, type MailboxTestResult, type MailboxView } from '@irp/contracts';
import { Rpc } from '@irp/messaging';
import { MailboxesService } from './mailboxes.service';

@Controller()
export class MailboxesHandler {
  constructor(private readonly mailboxes: MailboxesService) {}

  @Rpc(SUBJECTS.createMailbox)
  create(request: CreateMailboxRequest): Promise<MailboxView> {
    return this.mailboxes.create(request);
  }

  @Rpc(SUBJECTS.listMailboxes)
  async list(request: ListMailboxesRequest): Promise<MailboxList> {
    return { items: await this.mailboxes.list(request.userId) };
  }

  @Rpc(SUBJECTS.getMailbox)
  get(request: MailboxIdRequest): Promise<MailboxView> {
    return this.mailboxes.get(request.userId, request.mailboxId);
  }

  @Rpc(SUBJECTS.updateMailbox)
  update(request: UpdateMailboxRequest): Promise<MailboxView> {
    return this.mailboxes.update(request);
  }

  @Rpc(SUBJECTS.deleteMailbox)
  async delete(request: MailboxIdRequest): Promise<{ deleted: true }> {
    await this.mailboxes.delete(request.userId, request.mailboxId);
    return { deleted: true };
  }

  @Rpc(SUBJECTS.testMailbox)
  test(request: MailboxIdRequest): Promise<MailboxTestResult> {
    return this.mailboxes.test(request.userId, request.mailboxId);
  }
}
