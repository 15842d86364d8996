import { Module } from '@nestjs/common';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookSender } from './webhook-sender';
import { WebhookTargetGuard } from './webhook-target.guard';
import { WebhookRepository } from './webhook.repository';
import { WebhooksHandler } from './webhooks.handler';
import { WebhooksService } from './webhooks.service';

/** Per-user webhooks for alert events: signed deliveries, retries, the delivery log, SSRF guard. */
@Module({
  controllers: [WebhooksHandler],
  providers: [WebhookRepository, WebhookTargetGuard, WebhookSender, WebhookDispatcher, WebhookDeliveries, WebhooksService],
  exports: [WebhookDeliveries, WebhookDispatcher],
})
export class WebhooksModule {}
