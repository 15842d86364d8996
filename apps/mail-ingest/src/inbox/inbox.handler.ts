import { Controller } from '@nestjs/common';
import { GetInboxRequest, RotateInboxRequest, SUBJECTS, UpdateInboxRequest, type InboxView } from '@irp/contracts';
import { Rpc } from '@irp/messaging';
import { InboxService } from './inbox.service';

@Controller()
export class InboxHandler {
  constructor(private readonly inboxes: InboxService) {}

  @Rpc(SUBJECTS.getInbox)
  get(request: GetInboxRequest): Promise<InboxView> {
    return this.inboxes.get(request.userId);
  }

  @Rpc(SUBJECTS.rotateInbox)
  rotate(request: RotateInboxRequest): Promise<InboxView> {
    return this.inboxes.rotate(request.userId);
  }

  @Rpc(SUBJECTS.updateInbox)
  update(request: UpdateInboxRequest): Promise<InboxView> {
    return this.inboxes.setAllowedSenders(request.userId, request.allowedSenders);
  }
}
