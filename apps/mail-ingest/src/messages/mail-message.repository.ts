import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { MailMessageStatus } from '@irp/contracts';
import { isUniqueViolation, type KeysetPosition } from '@irp/persistence';
import { MailMessage } from './mail-message.entity';

@Injectable()
export class MailMessageRepository {
  constructor(private readonly em: EntityManager) {}

  findOwned(userId: string, id: string): Promise<MailMessage | null> {
    return this.em.findOne(MailMessage, { id, userId });
  }

  findById(id: string): Promise<MailMessage | null> {
    return this.em.findOne(MailMessage, { id });
  }

  async exists(userId: string, dedupeKey: string): Promise<boolean> {
    return (await this.em.count(MailMessage, { userId, dedupeKey })) > 0;
  }

  /** Stores a new message; false when the user has it already (the unique key decides races). */
  async add(message: MailMessage): Promise<boolean> {
    try {
      await this.em.persist(message).flush();
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) {
        this.em.clear();
        return false;
      }
      throw error;
    }
  }

  /**
   * Takes the oldest message waiting (or whose worker's hold ran out) for `holdSeconds`, so only
   * one replica's worker files it. Plain SQL: the ORM has no UPDATE … WHERE id = (SELECT … SKIP LOCKED).
   */
  async claimNext(holdSeconds: number): Promise<string | null> {
    const rows = await this.em.execute<{ id: string }[]>(
      `update "mail"."message" set "claimed_until" = now() + make_interval(secs => ?), "attempts" = "attempts" + 1
       where "id" = (select "id" from "mail"."message" where "status" = 'received' and ("claimed_until" is null or "claimed_until" < now())
                     order by "received_at" limit 1 for update skip locked)
       returning "id"`,
      [holdSeconds],
    );
    return rows[0]?.id ?? null;
  }

  /** Newest first, keyset-paged on (received_at, id). */
  page(userId: string, limit: number, status?: MailMessageStatus, after?: KeysetPosition): Promise<MailMessage[]> {
    const qb = this.em.createQueryBuilder(MailMessage, 'm').select('*').where({ userId });
    if (status) qb.andWhere({ status });
    if (after) qb.andWhere('(m.received_at, m.id) < (?, ?)', [after.at, after.id]);
    return qb.orderBy({ receivedAt: 'desc', id: 'desc' }).limit(limit + 1).getResult();
  }

  async flush(): Promise<void> {
    await this.em.flush();
  }
}
