import { DomainError, ErrorCode } from '@irp/contracts';

export const DocumentsErrors = {
  notFound: () => new DomainError(ErrorCode.NOT_FOUND, 'document not found'),
  invalidCursor: () => new DomainError(ErrorCode.VALIDATION, 'invalid cursor', { fields: [{ field: 'cursor', messages: ['start again without it'] }] }),
  quotaExceeded: (storedBytes: number, size: number, quotaBytes: number) =>
    new DomainError(
      ErrorCode.QUOTA_EXCEEDED,
      `your documents take ${megabytes(storedBytes)} of your ${megabytes(quotaBytes)}; this file needs ${megabytes(size)} more: delete documents to make room`,
      { storedBytes, quotaBytes },
    ),
};

function megabytes(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}
