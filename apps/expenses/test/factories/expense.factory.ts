import { randomUUID } from 'node:crypto';
import type { CreateExpenseBody } from '@irp/contracts';

export function anExpense(overrides: Partial<CreateExpenseBody> = {}): CreateExpenseBody {
  return { vendor: 'Cafe X', date: '2026-03-01', amount: '12.34', currency: 'EUR', category: 'meals', ...overrides };
}

export const aUser = (): string => randomUUID();
