import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { ExpenseView } from '@irp/contracts';
import { ExpenseRepository } from './expense.repository';
import { ExpensesErrors } from './expenses.errors';
import { IdempotencyKey } from './idempotency-key.entity';

/** JSON with keys sorted at every level: the same body hashes the same whatever its key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function requestHash(body: object): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/**
 * Idempotency-Key: a retried request answers what the first one created; the same key with a
 * different body is a conflict. Keys are purged after a day (IdempotencyKeysPurge).
 */
@Injectable()
export class IdempotentRequests {
  constructor(private readonly expenses: ExpenseRepository) {}

  /** The earlier answer under this key, or null when the key is new. */
  async earlierAnswer(userId: string, key: string, hash: string): Promise<ExpenseView | null> {
    const earlier = await this.expenses.findIdempotencyKey(userId, key);
    if (!earlier) return null;
    if (earlier.requestHash !== hash) throw ExpensesErrors.idempotencyKeyReused();
    return earlier.response;
  }

  /** In the caller's transaction; IdempotencyKeyTaken when a concurrent request with the key committed first. */
  remember(userId: string, key: string, hash: string, answer: ExpenseView): Promise<void> {
    return this.expenses.addIdempotencyKey(new IdempotencyKey(userId, key, hash, answer));
  }
}
