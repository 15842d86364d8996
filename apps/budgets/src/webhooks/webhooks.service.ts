import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { CreateWebhookBody, UpdateWebhookBody } from '@irp/contracts';
import { getLogger } from '@irp/observability';
import { UnitOfWork } from '@irp/persistence';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookDispatcher } from './webhook-dispatcher';
import { newWebhookSecret } from './webhook-signature';
import { WebhookTargetGuard } from './webhook-target.guard';
import { Webhook } from './webhook.entity';
import { WebhookRepository } from './webhook.repository';
import { WebhooksErrors } from './webhooks.errors';

/** The type of the event a test delivery carries (not a bus subject: it never leaves this service but to the webhook). */
export const WEBHOOK_TEST_EVENT = 'budgets.webhook.test';

/** A user's webhooks: registered (URL checked against SSRF), changed, tested, with their delivery log. */
@Injectable()
export class WebhooksService {
  private readonly log = getLogger(WebhooksService.name);

  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly guard: WebhookTargetGuard,
    private readonly dispatcher: WebhookDispatcher,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async create(userId: string, body: CreateWebhookBody): Promise<Webhook> {
    const url = (await this.guard.resolve(body.url.trim())).url.toString();
    const webhook = new Webhook(userId, url, newWebhookSecret(), body.description?.trim() || null);
    this.webhooks.add(webhook);
    await this.webhooks.flush();
    this.log.info({ webhookId: webhook.id }, 'webhook registered');
    return webhook;
  }

  async get(userId: string, webhookId: string): Promise<Webhook> {
    const webhook = await this.webhooks.findOwned(userId, webhookId);
    if (!webhook) throw WebhooksErrors.notFound();
    return webhook;
  }

  list(userId: string): Promise<Webhook[]> {
    return this.webhooks.ofUser(userId);
  }

  async update(userId: string, webhookId: string, changes: UpdateWebhookBody): Promise<Webhook> {
    const webhook = await this.get(userId, webhookId);
    if (changes.url !== undefined) webhook.url = (await this.guard.resolve(changes.url.trim())).url.toString();
    if (changes.description !== undefined) webhook.description = changes.description.trim() || null;
    if (changes.enabled !== undefined) {
      webhook.enabled = changes.enabled;
      webhook.disabledReason = changes.enabled ? null : 'disabled by its owner';
      if (!changes.enabled) await this.webhooks.failPending(webhook.id);
    }
    await this.webhooks.flush();
    return webhook;
  }

  async delete(userId: string, webhookId: string): Promise<void> {
    await this.unitOfWork.run(async () => {
      await this.webhooks.remove(await this.get(userId, webhookId));
      await this.webhooks.flush();
    });
  }

  /** Sends a signed test event now, once (no retries), and answers the delivery with its outcome. */
  async test(userId: string, webhookId: string): Promise<WebhookDelivery> {
    const webhook = await this.get(userId, webhookId);
    const event = { id: randomUUID(), type: WEBHOOK_TEST_EVENT, version: 1, occurredAt: new Date().toISOString(), subject: { userId }, data: { webhookId } };
    const delivery = new WebhookDelivery(webhook.id, userId, event.id, event.type, JSON.stringify(event));
    delivery.nextAttemptAt = null; // sent here, not by the dispatcher
    this.webhooks.add(delivery);
    await this.webhooks.flush();
    return (await this.dispatcher.attempt(delivery, { retry: false })) ?? delivery;
  }

  async deliveries(userId: string, webhookId: string): Promise<WebhookDelivery[]> {
    return this.webhooks.deliveriesOf((await this.get(userId, webhookId)).id);
  }
}
