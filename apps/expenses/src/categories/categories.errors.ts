import { DomainError, ErrorCode } from '@irp/contracts';

export const CategoriesErrors = {
  notFound: () => new DomainError(ErrorCode.NOT_FOUND, 'category not found'),
  unknown: (name: string) =>
    new DomainError(ErrorCode.VALIDATION, `unknown category "${name}"`, {
      fields: [{ field: 'category', messages: [`no category named "${name}": create it first (POST /api/v1/categories) or use an existing one`] }],
    }),
  nameTaken: (name: string) => new DomainError(ErrorCode.CONFLICT, `a category named "${name}" already exists`),
  mergeIntoItself: () => new DomainError(ErrorCode.VALIDATION, 'a category cannot be merged into itself', { fields: [{ field: 'into', messages: ['must be another category'] }] }),
};
