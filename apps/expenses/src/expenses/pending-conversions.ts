import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { UnitOfWork, withRequestContext } from '@irp/persistence';
import type { Subscription } from 'rxjs';
import { getLogger } from '@irp/observability';
import { EXPENSES_CONFIG, type ExpensesConfig } from '../config/env';
import { FxRatesService } from '../fx/fx-rates.service';
import { SettingsRepository } from '../settings/settings.repository';
import { ConversionService } from './conversion.service';
import { ExpenseEvents } from './expense-events';
import { ExpenseRepository } from './expense.repository';

const BATCH = 200;

/**
 * Converts expenses that are waiting for an exchange rate: when rates are imported, when a base
 * currency changes, and on a timer. Rows are locked with SKIP LOCKED, so replicas share the work.
 */
@Injectable()
export class PendingConversions implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = getLogger(PendingConversions.name);
  private running?: Promise<number>;
  private again = false;
  private timer?: NodeJS.Timeout;
  private subscription?: Subscription;

  constructor(
    @Inject(EXPENSES_CONFIG) private readonly config: ExpensesConfig,
    private readonly orm: MikroORM,
    private readonly expenses: ExpenseRepository,
    private readonly settings: SettingsRepository,
    private readonly conversions: ConversionService,
    private readonly events: ExpenseEvents,
    private readonly rates: FxRatesService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.rates.imported$.subscribe(() => this.kick());
    this.timer = setInterval(() => this.kick(), this.config.fx.pendingIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.subscription?.unsubscribe();
    await this.running;
  }

  /** Starts a run, or another one right after the current. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run()
      .catch((error: unknown) => {
        this.log.warn({ err: error }, 'converting pending expenses failed; will retry');
        return 0;
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Converts what it can; returns how many expenses were converted. */
  async run(): Promise<number> {
    let converted = 0;
    let afterId: string | undefined;
    for (;;) {
      const batch = await withRequestContext(this.orm, () => this.convertBatch(afterId));
      converted += batch.converted;
      if (!batch.lastId) break;
      afterId = batch.lastId;
    }
    if (converted > 0) this.log.info({ converted }, 'pending expenses converted');
    return converted;
  }

  private convertBatch(afterId: string | undefined): Promise<{ converted: number; lastId?: string }> {
    return this.unitOfWork.run(async () => {
      const pending = await this.expenses.lockPending(BATCH, afterId);
      const bases = await this.settings.baseCurrencies([...new Set(pending.map((e) => e.userId))]);
      let converted = 0;
      for (const expense of pending) {
        const conversion = await this.conversions.convert(expense.amountMinor, expense.currency, expense.date, bases.get(expense.userId) as string);
        if (!conversion) continue;
        expense.applyConversion(conversion);
        await this.expenses.flush();
        this.events.updated(expense, ['converted']);
        converted++;
      }
      return { converted, lastId: pending.at(-1)?.id };
    });
  }
}
