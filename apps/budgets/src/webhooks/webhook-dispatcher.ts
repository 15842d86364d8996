import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { getLogger } from '@irp/observability';
import { UnitOfWork, withRequestContext } from '@irp/persistence';
import { BUDGETS_CONFIG, type BudgetsConfig } from '../config/env';
import { nextAttemptAt } from './retry-schedule';
import type { DeliveryAttempt, WebhookDelivery } from './webhook-delivery.entity';
import type { Webhook } from './webhook.entity';
import { WebhookSender, type OutgoingDelivery } from './webhook-sender';
import { WebhookRepository } from './webhook.repository';

const BATCH = 20;
const LOG_LIMIT = 30;
/** How long a claimed delivery is left to its replica before another may try it (a crash mid-send). */
const LEASE_MS = 120_000;

type ClaimedDelivery = OutgoingDelivery & { webhookId: string };

/**
 * Sends due webhook deliveries: claims a batch (FOR UPDATE SKIP LOCKED, then leased by moving its
 * next attempt on), sends outside the transaction, records each attempt. A delivery still failing
 * after the retry window fails for good and disables its webhook with the reason.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = getLogger(WebhookDispatcher.name);
  private running?: Promise<void>;
  private again = false;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(BUDGETS_CONFIG) private readonly config: BudgetsConfig,
    private readonly orm: MikroORM,
    private readonly webhooks: WebhookRepository,
    private readonly sender: WebhookSender,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), this.config.webhooks.pollIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Starts a run now, or another right after the current one. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = withRequestContext(this.orm, () => this.drain())
      .catch((error: unknown) => this.log.warn({ err: error }, 'sending webhook deliveries failed; will retry'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const claimed = await this.claim();
      if (claimed.length === 0) return;
      await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
    }
  }

  private claim(): Promise<ClaimedDelivery[]> {
    return this.unitOfWork.run(async () => {
      const now = new Date();
      const due = await this.webhooks.claimDue(now, BATCH);
      for (const delivery of due) delivery.nextAttemptAt = new Date(now.getTime() + LEASE_MS);
      await this.webhooks.flush();
      return due.map(({ id, webhookId, eventType, body }) => ({ id, webhookId, eventType, body }));
    });
  }

  /** One attempt of a delivery, recorded whatever its outcome; `retry: false` for test sends. */
  async attempt(claimed: ClaimedDelivery, options: { retry?: boolean } = {}): Promise<WebhookDelivery | null> {
    const target = await this.webhooks.findById(claimed.webhookId);
    const attempt = target?.enabled ? await this.sender.send(target.url, target.secret, claimed) : null;
    return this.unitOfWork.run(async () => {
      const delivery = await this.webhooks.findDelivery(claimed.id);
      const webhook = await this.webhooks.findById(claimed.webhookId);
      if (!delivery) return null;
      if (!attempt || !webhook?.enabled) {
        delivery.status = 'failed';
        delivery.nextAttemptAt = null;
      } else {
        this.record(delivery, attempt);
        if (delivery.status === 'pending') this.scheduleRetry(delivery, webhook, attempt, options.retry !== false);
      }
      await this.webhooks.flush();
      return delivery;
    });
  }

  private scheduleRetry(delivery: WebhookDelivery, webhook: Webhook, attempt: DeliveryAttempt, retry: boolean): void {
    const { retryBaseMs, retryForMs } = this.config.webhooks;
    delivery.nextAttemptAt = retry ? nextAttemptAt(delivery.createdAt, delivery.attempts, new Date(), retryBaseMs, retryForMs) : null;
    if (delivery.nextAttemptAt) return;
    delivery.status = 'failed';
    if (!retry) return;
    webhook.enabled = false;
    webhook.disabledReason = `a delivery kept failing for ${retryForMs / 3_600_000} h (last: ${attempt.error})`;
    this.log.warn({ webhookId: webhook.id, deliveryId: delivery.id }, 'webhook disabled after failing deliveries');
  }

  private record(delivery: WebhookDelivery, attempt: DeliveryAttempt): void {
    delivery.attempts += 1;
    delivery.lastStatusCode = attempt.statusCode;
    delivery.log = [...delivery.log, attempt].slice(-LOG_LIMIT);
    if (!attempt.error) {
      delivery.status = 'delivered';
      delivery.nextAttemptAt = null;
    }
  }
}
