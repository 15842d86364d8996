import { Inject, Injectable } from '@nestjs/common';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { WEBHOOK_DELIVERY_HEADER, WEBHOOK_EVENT_HEADER, WEBHOOK_SIGNATURE_HEADER } from '@irp/contracts';
import { BUDGETS_CONFIG, type BudgetsConfig } from '../config/env';
import type { DeliveryAttempt } from './webhook-delivery.entity';
import { signWebhook } from './webhook-signature';
import { WebhookTargetGuard, type WebhookTarget } from './webhook-target.guard';

export interface OutgoingDelivery {
  id: string;
  eventType: string;
  body: string;
}

/** Answers DNS for the connection with the address checked beforehand (no second, rebindable lookup). */
function pinnedLookup(target: WebhookTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

/** POSTs one signed delivery: resolved and checked first, connected to that address, no redirects followed. */
@Injectable()
export class WebhookSender {
  constructor(
    private readonly guard: WebhookTargetGuard,
    @Inject(BUDGETS_CONFIG) private readonly config: BudgetsConfig,
  ) {}

  async send(url: string, secret: string, delivery: OutgoingDelivery): Promise<DeliveryAttempt> {
    const at = new Date().toISOString();
    let target: WebhookTarget;
    try {
      target = await this.guard.resolve(url);
    } catch (error) {
      return { at, statusCode: null, error: (error as Error).message };
    }
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'irp-budgets-webhooks/1',
      [WEBHOOK_SIGNATURE_HEADER]: signWebhook(secret, delivery.body, Math.floor(Date.now() / 1000)),
      [WEBHOOK_EVENT_HEADER]: delivery.eventType,
      [WEBHOOK_DELIVERY_HEADER]: delivery.id,
    };
    try {
      const statusCode = await this.post(target, headers, delivery.body);
      return { at, statusCode, error: statusCode >= 200 && statusCode < 300 ? null : `HTTP ${statusCode}` };
    } catch (error) {
      return { at, statusCode: null, error: (error as Error).message.slice(0, 200) };
    }
  }

  private post(target: WebhookTarget, headers: Record<string, string>, body: string): Promise<number> {
    const client = target.url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const request = client.request(
        target.url,
        { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, lookup: pinnedLookup(target), timeout: this.config.webhooks.timeoutMs },
        (response) => {
          response.resume(); // the answer's body is not read, only drained
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer within ${this.config.webhooks.timeoutMs} ms`)));
      request.on('error', reject);
      request.end(body);
    });
  }
}
