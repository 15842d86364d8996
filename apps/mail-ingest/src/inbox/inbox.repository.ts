import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inbox } from './inbox.entity';
import { newInboxToken } from './inbox-token';

@Injectable()
export class InboxRepository {
  constructor(private readonly em: EntityManager) {}

  findByUser(userId: string): Promise<Inbox | null> {
    return this.em.findOne(Inbox, { userId });
  }

  findByToken(token: string): Promise<Inbox | null> {
    return this.em.findOne(Inbox, { token });
  }

  /** The user's inbox, made on first use; two first calls at once end with the same one (plain SQL for ON CONFLICT DO NOTHING). */
  async findOrCreate(userId: string): Promise<Inbox> {
    const existing = await this.findByUser(userId);
    if (existing) return existing;
    await this.em.execute(
      `insert into "mail"."inbound_address" ("user_id", "token", "allowed_senders", "created_at", "updated_at") values (?, ?, '{}', now(), now()) on conflict ("user_id") do nothing`,
      [userId, newInboxToken()],
    );
    return (await this.em.findOneOrFail(Inbox, { userId }, { refresh: true }));
  }

  async flush(): Promise<void> {
    await this.em.flush();
  }
}
