import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@irp/contracts';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookRepository } from './webhook.repository';

/** Queues an event for each enabled webhook of its user, in the transaction that produced it. */
@Injectable()
export class WebhookDeliveries {
  constructor(private readonly webhooks: WebhookRepository) {}

  async enqueue(event: EventEnvelope): Promise<number> {
    const targets = await this.webhooks.enabledOf(event.subject.userId);
    const body = JSON.stringify(event);
    for (const webhook of targets) this.webhooks.add(new WebhookDelivery(webhook.id, webhook.userId, event.id, event.type, body));
    return targets.length;
  }
}
