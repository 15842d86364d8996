import { randomUUID } from 'node:crypto';
import { DomainError, DtoValidationError, ErrorCode, type RpcErrorPayload } from '@irp/contracts';
import type { Logger } from '@irp/observability';

/**
 * What leaves a service when a handler fails: the domain error as it is, validation errors with
 * their fields, a transaction that lost to a concurrent one as CONFLICT (a 409 to retry; not an
 * outage, so no circuit breaker opens), and anything unexpected as INTERNAL with an error id that
 * is also logged (with the stack), so support can find it without the caller ever seeing internals.
 */
export function toRpcErrorPayload(error: unknown, log: Logger): RpcErrorPayload {
  if (error instanceof DomainError) return error.toPayload();
  if (error instanceof DtoValidationError) {
    return { code: ErrorCode.VALIDATION, message: 'the request is invalid', details: { fields: error.fields } };
  }
  if (lostToConcurrentTransaction(error)) {
    log.warn({ sqlState: (error as { code: string }).code }, 'transaction lost to a concurrent one; the caller may retry');
    return { code: ErrorCode.CONFLICT, message: 'the request collided with a concurrent change and was not applied; retry it' };
  }
  const errorId = randomUUID();
  log.error({ err: error, errorId }, 'unexpected error in handler');
  return { code: ErrorCode.INTERNAL, message: 'an unexpected error occurred', details: { errorId } };
}

/** PostgreSQL's serialization failure, deadlock and lock-not-available: nothing was written, and a retry may pass. */
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01', '55P03']);

/** The pg driver's errors, and MikroORM's that wrap them, carry the SQLSTATE as `code`. */
function lostToConcurrentTransaction(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_SQLSTATES.has(code);
}
