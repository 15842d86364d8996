import type { EntityManager } from '@mikro-orm/postgresql';
import { InboxEntry } from './inbox-entry.entity';

/**
 * Applies `effect` once per (consumer, event id): the inbox row and the effect commit together,
 * so a redelivered event finds its row and is skipped. Returns whether the effect ran.
 */
export async function handleOnce(em: EntityManager, consumer: string, eventId: string, effect: () => Promise<void>): Promise<boolean> {
  return em.transactional(async (tx) => {
    const result = await tx
      .createQueryBuilder(InboxEntry)
      .insert({ consumer, eventId, handledAt: new Date() })
      .onConflict(['consumer', 'eventId'])
      .ignore()
      .execute('run');
    if (result.affectedRows === 0) return false;
    await effect();
    return true;
  });
}
