import { isCalendarDate, type ExpenseSort } from '@irp/contracts';
import { ExpensesErrors } from './expenses.errors';
import type { PagePosition } from './expense.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What each sort's cursor value must look like: a forged cursor never reaches SQL. */
const VALUE_CHECKS: Record<string, (value: string) => boolean> = {
  date: isCalendarDate,
  amount: (value) => /^\d{1,18}$/.test(value), // within bigint
  vendor: (value) => value.length <= 400,
  createdAt: (value) => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value),
};

/** Opaque to clients: base64url of the sort it belongs to and where the page ended. */
export function encodeCursor(sort: ExpenseSort, position: PagePosition): string {
  return Buffer.from(JSON.stringify([sort, position.value, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string, sort: ExpenseSort): PagePosition {
  try {
    const [cursorSort, value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (cursorSort === sort && typeof value === 'string' && typeof id === 'string' && UUID.test(id) && VALUE_CHECKS[sort.replace('-', '')](value)) {
      return { value, id };
    }
  } catch {
    // fall through
  }
  throw ExpensesErrors.invalidCursor();
}
