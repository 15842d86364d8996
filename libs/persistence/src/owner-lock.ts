import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

/**
 * Serialises one user's transactions that must not interleave (in expenses: uploads, filings,
 * deletions and merges, so a duplicate is never flagged against a twin being deleted). Taken first
 * in each transaction, before any row lock, so such transactions cannot deadlock; released when the
 * transaction ends. Outside a transaction it would be released at once: use it inside UnitOfWork.run.
 */
@Injectable()
export class OwnerLock {
  constructor(private readonly em: EntityManager) {}

  async take(userId: string): Promise<void> {
    await this.em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`owner:${userId}`]);
  }
}
