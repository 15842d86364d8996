import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError, ErrorCode } from '@irp/contracts';

/** `"3"` for version 3: strong, because a version identifies one exact representation. */
export function etagFor(version: number): string {
  return `"${version}"`;
}

/**
 * The version an If-Match header asks for: undefined when absent or `*` (any version), a number
 * for `"3"` (or `W/"3"`); anything else can never match and fails as 412.
 */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,10})"\s*$/.exec(header);
  if (!match) throw new DomainError(ErrorCode.PRECONDITION_FAILED, 'If-Match must be the ETag of the expense, e.g. "3"');
  return Number(match[1]);
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export function checkIdempotencyKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new DomainError(ErrorCode.VALIDATION, 'invalid Idempotency-Key', {
      fields: [{ field: 'Idempotency-Key', messages: ['must be 1 to 255 visible ASCII characters, e.g. a UUID'] }],
    });
  }
  return key;
}

/** Path ids are UUIDs; anything else is a 400 naming the parameter. */
export const UuidParam = (name = 'id') =>
  new ParseUUIDPipe({
    exceptionFactory: () => new DomainError(ErrorCode.VALIDATION, `${name} must be a UUID`, { fields: [{ field: name, messages: ['must be a UUID'] }] }),
  });
