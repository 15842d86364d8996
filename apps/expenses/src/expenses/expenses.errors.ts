import { DomainError, ErrorCode } from '@irp/contracts';

export const ExpensesErrors = {
  // Another user's expense answers exactly like a missing one.
  notFound: () => new DomainError(ErrorCode.NOT_FOUND, 'expense not found'),
  staleVersion: (current: number) =>
    new DomainError(ErrorCode.PRECONDITION_FAILED, 'the expense changed since you read it; fetch it again', { currentVersion: current }),
  invalidField: (field: string, message: string) => new DomainError(ErrorCode.VALIDATION, message, { fields: [{ field, messages: [message] }] }),
  idempotencyKeyReused: () =>
    new DomainError(ErrorCode.CONFLICT, 'this Idempotency-Key was used for a different request; use a new key for a new expense'),
  invalidCursor: () => new DomainError(ErrorCode.VALIDATION, 'invalid cursor', { fields: [{ field: 'cursor', messages: ['does not belong to this query; start again without it'] }] }),
};

/** A concurrent request with the same Idempotency-Key committed first: answer what it created. */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super('idempotency key taken by a concurrent request');
    this.name = 'IdempotencyKeyTaken';
  }
}
