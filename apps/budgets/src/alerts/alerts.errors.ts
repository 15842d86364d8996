import { DomainError, ErrorCode } from '@irp/contracts';

export const AlertsErrors = {
  notFound: () => new DomainError(ErrorCode.NOT_FOUND, 'alert not found'),
  badCursor: () => new DomainError(ErrorCode.VALIDATION, 'cursor is not one this list gave out', { fields: [{ field: 'cursor', messages: ['must be the nextCursor of a previous page'] }] }),
};
