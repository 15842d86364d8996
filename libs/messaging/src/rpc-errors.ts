import { randomUUID } from 'node:crypto';
import { DomainError, DtoValidationError, ErrorCode, type RpcErrorPayload } from '@irp/contracts';
import type { Logger } from '@irp/observability';

/**
 * What leaves a service when a handler fails: the domain error as it is, validation errors with
 * their fields, and anything unexpected as INTERNAL with an error id that is also logged (with the
 * stack), so support can find it without the caller ever seeing internals.
 */
export function toRpcErrorPayload(error: unknown, log: Logger): RpcErrorPayload {
  if (error instanceof DomainError) return error.toPayload();
  if (error instanceof DtoValidationError) {
    return { code: ErrorCode.VALIDATION, message: 'the request is invalid', details: { fields: error.fields } };
  }
  const errorId = randomUUID();
  log.error({ err: error, errorId }, 'unexpected error in handler');
  return { code: ErrorCode.INTERNAL, message: 'an unexpected error occurred', details: { errorId } };
}
