import { DomainError, ErrorCode } from '@irp/contracts';

export const ReportsErrors = {
  notFound: () => new DomainError(ErrorCode.NOT_FOUND, 'report not found'),
};
