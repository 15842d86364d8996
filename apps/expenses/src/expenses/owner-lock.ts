import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

/**
 * Serialises, per user, the transactions that add, file or delete what duplicates point at:
 * registering an upload (quota, same file), filing a reading (same picture, same receipt) and
 * deleting a document or an expense (which clears the pointers to it), and merging categories
 * (which moves many expenses). Without it a duplicate could be flagged against a twin being
 * deleted at that moment and keep a pointer to nothing. Taken first in each transaction, before
 * any row lock, so these cannot deadlock; released when the transaction ends.
 */
@Injectable()
export class OwnerLock {
  constructor(private readonly em: EntityManager) {}

  async take(userId: string): Promise<void> {
    await this.em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`owner:${userId}`]);
  }
}
