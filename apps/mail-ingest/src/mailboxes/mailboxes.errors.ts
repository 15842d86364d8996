import { DomainError, ErrorCode } from '@irp/contracts';

export const MailboxesErrors = {
  notFound: () => new DomainError(ErrorCode.NOT_FOUND, 'mailbox not found'),
  disabled: () => new DomainError(ErrorCode.UNAVAILABLE, 'IMAP mailboxes are not enabled on this server (MAIL_CREDENTIAL_KEYS is not set)'),
  tooMany: (max: number) => new DomainError(ErrorCode.CONFLICT, `at most ${max} mailboxes per user`),
  moveToMissing: () => new DomainError(ErrorCode.VALIDATION, 'moveTo names the folder to move processed mail to', { fields: [{ field: 'moveTo', messages: ['required when afterProcessing is "move"'] }] }),
  forbiddenHost: (reason: string) => new DomainError(ErrorCode.VALIDATION, `host is not allowed: ${reason}`, { fields: [{ field: 'host', messages: [reason] }] }),
  unknownHost: (host: string) => new DomainError(ErrorCode.VALIDATION, `host ${host} could not be found`, { fields: [{ field: 'host', messages: ['could not be resolved'] }] }),
};
