import { ValidateBy, type ValidationOptions } from 'class-validator';
import { DECIMAL_AMOUNT, isCurrencyCode } from '@irp/money';

/** An ISO 4217 currency code (EUR, JPY, ...). */
export function IsCurrencyCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isCurrencyCode', validator: { validate: isCurrencyCode, defaultMessage: (a) => `${a?.property} must be an ISO 4217 currency code such as EUR` } },
    options,
  );
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date YYYY-MM-DD that exists (no 2026-02-30), between 1900 and 2100. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isCalendarDate', validator: { validate: isCalendarDate, defaultMessage: (a) => `${a?.property} must be a real calendar date YYYY-MM-DD (1900–2100)` } },
    options,
  );
}

/** A non-negative decimal amount as a string ("12.34"); `positive` also refuses zero. */
export function IsDecimalAmount(options: { positive?: boolean } = {}, validation?: ValidationOptions): PropertyDecorator {
  const rule = options.positive ? 'a positive' : 'a non-negative';
  return ValidateBy(
    {
      name: 'isDecimalAmount',
      validator: {
        validate: (value) =>
          typeof value === 'string' && DECIMAL_AMOUNT.test(value) && !value.startsWith('-') && (!options.positive || /[1-9]/.test(value)),
        defaultMessage: (a) => `${a?.property} must be ${rule} decimal amount as a string, e.g. "12.34"`,
      },
    },
    validation,
  );
}
