import { DomainError, ErrorCode } from '@irp/contracts';

export const MailMessagesErrors = {
  notFound: () => new DomainError(ErrorCode.NOT_FOUND, 'message not found'),
  notQuarantined: () => new DomainError(ErrorCode.CONFLICT, 'only a quarantined message can be released'),
  notDroppable: () => new DomainError(ErrorCode.CONFLICT, 'only a quarantined or failed message can be dropped'),
  badCursor: () => new DomainError(ErrorCode.VALIDATION, 'cursor is not one this API gave out'),
};
