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

export function encodeCursor(message: MailMessage): string {
  return Buffer.from(`${message.receivedAt.toISOString()}|${message.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { receivedAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const receivedAt = new Date(at);
  return Number.isNaN(receivedAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id ?? '') ? null : { receivedAt, id };
}
