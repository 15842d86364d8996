import { DomainError, ErrorCode } from '@irp/contracts';

const invalid = (field: string, message: string) => new DomainError(ErrorCode.VALIDATION, message, { fields: [{ field, messages: [message] }] });

export const BudgetsErrors = {
  notFound: () => new DomainError(ErrorCode.NOT_FOUND, 'budget not found'),
  unknownCategory: (name: string) => invalid('category', `category "${name}" does not exist: see GET /api/v1/categories`),
  unknownTag: (tag: string) => invalid('tag', `tag "${tag}" is on none of your expenses`),
  categoryAndTag: () => invalid('category', 'a budget counts one category or one tag, not both'),
  customPeriodsMissing: () => invalid('customPeriods', 'a custom budget needs customPeriods: [{ "start": "YYYY-MM-DD", "end": "YYYY-MM-DD" }]'),
  customPeriodsUnexpected: () => invalid('customPeriods', 'customPeriods are only for period "custom"'),
  customPeriodsInvalid: (reason: string) => invalid('customPeriods', reason),
  invalidAmount: (message: string) => invalid('amount', message),
};
