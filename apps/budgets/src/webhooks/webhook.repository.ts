import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { WebhookDelivery } from './webhook-delivery.entity';
import { Webhook } from './webhook.entity';

const LOG_PAGE = 50;

@Injectable()
export class WebhookRepository {
  constructor(private readonly em: EntityManager) {}

  findOwned(userId: string, id: string): Promise<Webhook | null> {
    return this.em.findOne(Webhook, { id, userId });
  }

  findById(id: string): Promise<Webhook | null> {
    return this.em.findOne(Webhook, { id });
  }

  findDelivery(id: string): Promise<WebhookDelivery | null> {
    return this.em.findOne(WebhookDelivery, { id });
  }

  ofUser(userId: string): Promise<Webhook[]> {
    return this.em.find(Webhook, { userId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  enabledOf(userId: string): Promise<Webhook[]> {
    return this.em.find(Webhook, { userId, enabled: true });
  }

  deliveriesOf(webhookId: string): Promise<WebhookDelivery[]> {
    return this.em.find(WebhookDelivery, { webhookId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: LOG_PAGE });
  }

  /** Due deliveries, locked for this transaction; rows another replica holds are skipped. */
  claimDue(now: Date, limit: number): Promise<WebhookDelivery[]> {
    return this.em.find(
      WebhookDelivery,
      { status: 'pending', nextAttemptAt: { $lte: now } },
      { orderBy: { nextAttemptAt: 'asc' }, limit, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
  }

  /** Gives up the webhook's pending deliveries (it was disabled or deleted). */
  async failPending(webhookId: string): Promise<void> {
    await this.em.nativeUpdate(WebhookDelivery, { webhookId, status: 'pending' }, { status: 'failed', nextAttemptAt: null });
  }

  add(entity: Webhook | WebhookDelivery): void {
    this.em.persist(entity);
  }

  async remove(webhook: Webhook): Promise<void> {
    await this.em.nativeDelete(WebhookDelivery, { webhookId: webhook.id });
    this.em.remove(webhook);
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
