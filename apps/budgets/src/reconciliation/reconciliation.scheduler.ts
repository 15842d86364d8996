import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { SchedulerRegistry } from '@nestjs/schedule';
import { getLogger } from '@irp/observability';
import { withRequestContext } from '@irp/persistence';
import { BudgetRepository } from '../budgets/budget.repository';
import { BUDGETS_CONFIG, type BudgetsConfig } from '../config/env';
import { WebhookDispatcher } from '../webhooks/webhook-dispatcher';
import { SpendReconciler } from './spend-reconciler';

const USERS_PER_PAGE = 100;
const JOB = 'budgets-reconciliation';

/** Runs the reconciliation of every user with budgets on an interval (each replica; the runs are safe together). */
@Injectable()
export class ReconciliationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = getLogger(ReconciliationScheduler.name);
  private running?: Promise<void>;

  constructor(
    @Inject(BUDGETS_CONFIG) private readonly config: BudgetsConfig,
    private readonly orm: MikroORM,
    private readonly schedules: SchedulerRegistry,
    private readonly budgets: BudgetRepository,
    private readonly reconciler: SpendReconciler,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.reconcileIntervalMs === 0) return;
    const timer = setInterval(() => {
      this.running ??= this.runOnce().finally(() => (this.running = undefined));
    }, this.config.reconcileIntervalMs);
    timer.unref();
    this.schedules.addInterval(JOB, timer);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.schedules.doesExist('interval', JOB)) this.schedules.deleteInterval(JOB);
    await this.running;
  }

  /** Every user with budgets, one at a time; a user that fails is logged and left to the next run. */
  async runOnce(): Promise<void> {
    let after: string | null = null;
    let users = 0;
    let alerts = 0;
    for (;;) {
      const page: string[] = await withRequestContext(this.orm, () => this.budgets.usersAfter(after, USERS_PER_PAGE));
      if (page.length === 0) break;
      for (const userId of page) {
        try {
          alerts += (await this.reconciler.reconcileUser(userId)).alerts;
        } catch (error) {
          this.log.warn({ err: error, userId }, 'reconciling a user failed; the next run tries again');
        }
      }
      users += page.length;
      after = page[page.length - 1];
    }
    if (alerts > 0) this.dispatcher.kick();
    this.log.info({ users, alerts }, 'budgets reconciled');
  }
}
