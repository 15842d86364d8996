import type { FieldError } from './errors';

/** Deeper than any request of ours: nesting beyond this is an attack or a bug, never data. */
export const MAX_INPUT_DEPTH = 64;

/** A UTF-16 high surrogate not followed by a low one, or a low one not preceded by a high one. */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a string cannot be stored as text: PostgreSQL refuses NUL in text columns, and an unpaired
 * surrogate has no UTF-8 form (it would be silently replaced by U+FFFD).
 */
export function unstorableTextReason(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
  if (UNPAIRED_SURROGATE.test(text)) return 'must be valid Unicode (it contains an unpaired surrogate)';
  return undefined;
}

/**
 * Checks an untrusted value before it is transformed: nesting no deeper than MAX_INPUT_DEPTH
 * (class-transformer recurses, so a deeper value would overflow the stack) and every string,
 * keys included, storable as text. Iterative, so the check itself cannot overflow.
 */
export function unsafeInputErrors(value: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  for (let next = pending.pop(); next && errors.length < 10; next = pending.pop()) {
    const { value: current, path, depth } = next;
    if (typeof current === 'string') {
      const reason = unstorableTextReason(current);
      if (reason) errors.push({ field: path || '(body)', messages: [`${path || 'the body'} ${reason}`] });
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      errors.push({ field: path || '(body)', messages: [`nested deeper than ${MAX_INPUT_DEPTH} levels`] });
      continue;
    }
    for (const [key, child] of Object.entries(current)) {
      const childPath = path ? `${path}.${key}` : key;
      const keyReason = unstorableTextReason(key);
      if (keyReason) errors.push({ field: path || '(body)', messages: [`a property name ${keyReason}`] });
      else pending.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return errors;
}
