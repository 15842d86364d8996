import type { MailMessageView } from '@irp/contracts';
import type { MailMessage } from './mail-message.entity';

export function toMailMessageView(message: MailMessage): MailMessageView {
  return {
    id: message.id,
    channel: message.channel,
    status: message.status,
    reason: message.reason,
    provenance: message.provenance,
    authentication: message.authentication,
    documentIds: message.documentIds,
    receivedAt: message.receivedAt.toISOString(),
    updatedAt: message.updatedAt.toISOString(),
  };
}

