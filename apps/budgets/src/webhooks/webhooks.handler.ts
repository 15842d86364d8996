import { Controller } from '@nestjs/common';
import {
  CreateWebhookRequest,
  ListWebhooksRequest,
  SUBJECTS,
  UpdateWebhookRequest,
  WebhookIdRequest,
  type CreatedWebhook,
  type WebhookDeliveryList,
  type WebhookDeliveryView,
  type WebhookList,
  type WebhookView,
} from '@irp/contracts';
import { Rpc } from '@irp/messaging';
import { toDeliveryView, toWebhookView } from './webhook.mapper';
import { WebhooksService } from './webhooks.service';

@Controller()
export class WebhooksHandler {
  constructor(private readonly webhooks: WebhooksService) {}

  @Rpc(SUBJECTS.createWebhook)
  async create(request: CreateWebhookRequest): Promise<CreatedWebhook> {
    const webhook = await this.webhooks.create(request.userId, request.webhook);
    return { ...toWebhookView(webhook), secret: webhook.secret };
  }

  @Rpc(SUBJECTS.listWebhooks)
  async list(request: ListWebhooksRequest): Promise<WebhookList> {
    return { items: (await this.webhooks.list(request.userId)).map(toWebhookView) };
  }

  @Rpc(SUBJECTS.getWebhook)
  async get(request: WebhookIdRequest): Promise<WebhookView> {
    return toWebhookView(await this.webhooks.get(request.userId, request.webhookId));
  }

  @Rpc(SUBJECTS.updateWebhook)
  async update(request: UpdateWebhookRequest): Promise<WebhookView> {
    return toWebhookView(await this.webhooks.update(request.userId, request.webhookId, request.changes));
  }

  @Rpc(SUBJECTS.deleteWebhook)
  async delete(request: WebhookIdRequest): Promise<{ deleted: true }> {
    await this.webhooks.delete(request.userId, request.webhookId);
    return { deleted: true };
  }

  @Rpc(SUBJECTS.testWebhook)
  async test(request: WebhookIdRequest): Promise<WebhookDeliveryView> {
    return toDeliveryView(await this.webhooks.test(request.userId, request.webhookId));
  }

  @Rpc(SUBJECTS.listWebhookDeliveries)
  async deliveries(request: WebhookIdRequest): Promise<WebhookDeliveryList> {
    return { items: (await this.webhooks.deliveries(request.userId, request.webhookId)).map(toDeliveryView) };
  }
}
