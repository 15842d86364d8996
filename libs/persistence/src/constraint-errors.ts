import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/postgresql';

/** A row with the same unique key exists (optionally: on that constraint). For repositories to turn into a domain error. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof UniqueConstraintViolationException)) return false;
  return constraint === undefined || (error as { constraint?: string }).constraint === constraint || error.message.includes(constraint);
}

/** The row changed since it was read (its version column moved on). */
export function isOptimisticLockFailure(error: unknown): boolean {
  return error instanceof OptimisticLockError;
}
