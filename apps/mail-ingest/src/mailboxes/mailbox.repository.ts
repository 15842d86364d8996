import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Mailbox } from './mailbox.entity';

@Injectable()
export class MailboxRepository {
  constructor(private readonly em: EntityManager) {}

  findOwned(userId: string, id: string): Promise<Mailbox | null> {
    return this.em.findOne(Mailbox, { id, userId });
  }

  findById(id: string): Promise<Mailbox | null> {
    return this.em.findOne(Mailbox, { id });
  }

  listOwned(userId: string): Promise<Mailbox[]> {
    return this.em.find(Mailbox, { userId }, { orderBy: { createdAt: 'asc' } });
  }

  countOwned(userId: string): Promise<number> {
    return this.em.count(Mailbox, { userId });
  }

  async add(mailbox: Mailbox): Promise<void> {
    await this.em.persist(mailbox).flush();
  }

  async remove(mailbox: Mailbox): Promise<void> {
    await this.em.remove(mailbox).flush();
  }

  /**
   * Leases the mailbox due first to `owner` for `seconds`, so one replica syncs it at a time (a
   * replica that dies loses its lease when it runs out). Plain SQL for SKIP LOCKED.
   */
  async leaseDue(owner: string, seconds: number): Promise<string | null> {
    const rows = await this.em.execute<{ id: string }[]>(
      `update "mail"."mailbox" set "lease_owner" = ?, "lease_until" = now() + make_interval(secs => ?)
       where "id" = (select "id" from "mail"."mailbox" where "next_sync_at" <= now() and ("lease_until" is null or "lease_until" < now())
                     order by "next_sync_at" limit 1 for update skip locked)
       returning "id"`,
      [owner, seconds],
    );
    return rows[0]?.id ?? null;
  }

  /** Extends a lease still held; false when it was lost (it ran out and another replica took it). */
  async renewLease(id: string, owner: string, seconds: number): Promise<boolean> {
    const rows = await this.em.execute<{ id: string }[]>(
      `update "mail"."mailbox" set "lease_until" = now() + make_interval(secs => ?) where "id" = ? and "lease_owner" = ? and "lease_until" > now() returning "id"`,
      [seconds, id, owner],
    );
    return rows.length > 0;
  }

  async releaseLease(id: string, owner: string): Promise<void> {
    await this.em.execute(`update "mail"."mailbox" set "lease_owner" = null, "lease_until" = null where "id" = ? and "lease_owner" = ?`, [id, owner]);
  }

  async flush(): Promise<void> {
    await this.em.flush();
  }
}
