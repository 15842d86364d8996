import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { FieldError } from './errors';
import { unsafeInputErrors } from './safe-input';

export class DtoValidationError extends Error {
  constructor(readonly fields: FieldError[]) {
    super(`invalid ${fields.map((f) => f.field).join(', ')}`);
    this.name = 'DtoValidationError';
  }
}

export type DtoClass<T> = new () => T;

/**
 * Turns an untrusted plain value into a validated DTO instance. Unknown properties are errors,
 * so a typo in a field name is reported rather than silently ignored; so are nesting too deep to
 * transform and text PostgreSQL cannot store (NUL, unpaired surrogates), whatever the field.
 */
export function parseDto<T extends object>(cls: DtoClass<T>, value: unknown): T {
  if (!isPlainObject(value)) {
    throw new DtoValidationError([{ field: '(body)', messages: ['must be a JSON object'] }]);
  }
  const unsafe = unsafeInputErrors(value);
  if (unsafe.length > 0) throw new DtoValidationError(unsafe);
  const instance = plainToInstance(cls, value);
  // forbidUnknownValues stays off: it would refuse DTOs without fields ("no parameters" requests).
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false });
  if (errors.length > 0) throw new DtoValidationError(toFieldErrors(errors));
  return instance;
}

/**
 * A bag of properties, as JSON.parse or a query-string parser makes it (their prototypes carry no
 * class), not an array, nor a class instance such as the stream a raw-body parser hands over.
 */
function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (let prototype: unknown = Object.getPrototypeOf(value); prototype !== null; prototype = Object.getPrototypeOf(prototype)) {
    if (prototype !== Object.prototype && Object.hasOwn(prototype as object, 'constructor')) return false;
  }
  return true;
}

export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const property = error.property || '(body)';
    const field = parent ? `${parent}.${property}` : property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}
