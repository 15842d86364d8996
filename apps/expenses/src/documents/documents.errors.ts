import { DomainError, ErrorCode } from '@irp/contracts';

export const DocumentsErrors = {
  notFound: () => new DomainError(ErrorCode.NOT_FOUND, 'document not found'),
  invalidCursor: () => new DomainError(ErrorCode.VALIDATION, 'invalid cursor', { fields: [{ field: 'cursor', messages: ['start again without it'] }] }),
};
