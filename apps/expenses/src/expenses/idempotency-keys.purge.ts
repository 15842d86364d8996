import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { MikroORM } from '@mikro-orm/postgresql';
import { withRequestContext } from '@irp/persistence';
import { getLogger } from '@irp/observability';
import { ExpenseRepository } from './expense.repository';

/** A retry comes within minutes; a day is plenty, and the table stays small. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

@Injectable()
export class IdempotencyKeysPurge {
  private readonly log = getLogger(IdempotencyKeysPurge.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly expenses: ExpenseRepository,
  ) {}

  @Interval(60 * 60 * 1000)
  async purge(): Promise<number> {
    try {
      const removed = await withRequestContext(this.orm, () => this.expenses.deleteIdempotencyKeysBefore(new Date(Date.now() - IDEMPOTENCY_KEY_TTL_MS)));
      if (removed > 0) this.log.info({ removed }, 'expired idempotency keys removed');
      return removed;
    } catch (error) {
      this.log.warn({ err: error }, 'purging idempotency keys failed; will retry');
      return 0;
    }
  }
}
