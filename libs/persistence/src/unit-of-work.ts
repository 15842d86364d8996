import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

/**
 * The one way to run a transaction. Repositories called inside `run`, and events recorded with
 * the messaging Outbox, commit together or not at all; a `run` inside another joins it.
 */
@Injectable()
export class UnitOfWork {
  constructor(private readonly em: EntityManager) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    return this.em.transactional(work);
  }
}
