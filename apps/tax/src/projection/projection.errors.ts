import { DomainError, ErrorCode } from '@irp/contracts';

export const ProjectionErrors = {
  expenseNotFound: () => new DomainError(ErrorCode.NOT_FOUND, 'expense not found'),
};
