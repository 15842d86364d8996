import { Injectable } from '@nestjs/common';
import { SUBJECTS } from '@irp/contracts';
import { Outbox } from '@irp/messaging';
import { toDecimalString } from '@irp/money';
import { getLogger } from '@irp/observability';
import { periodContaining, todayIn } from '../periods/period-calendar';
import { BudgetMeter, reached, type MeteredBudget } from '../spend/budget-meter';
import { WebhookDeliveries } from '../webhooks/webhook-deliveries';
import type { Alert } from './alert.entity';
import { AlertRepository } from './alert.repository';

/** What evaluation needs of a budget. */
export interface EvaluatedBudget extends MeteredBudget {
  id: string;
  name: string;
  timeZone: string;
  thresholds: number[];
}

/**
 * Raises the alerts a budget's current period has earned: each threshold reached gets one alert,
 * recorded with its event (outbox) and its webhook deliveries in the caller's transaction.
 * Falling below and crossing again finds the alert there already and raises nothing.
 */
@Injectable()
export class AlertEvaluator {
  private readonly log = getLogger(AlertEvaluator.name);

  constructor(
    private readonly meter: BudgetMeter,
    private readonly alerts: AlertRepository,
    private readonly outbox: Outbox,
    private readonly deliveries: WebhookDeliveries,
  ) {}

  /** Call inside UnitOfWork.run, holding the budget owner's OwnerLock. Returns the alerts raised. */
  async evaluate(budget: EvaluatedBudget, now: Date = new Date()): Promise<Alert[]> {
    const period = periodContaining(budget, todayIn(budget.timeZone, now));
    if (!period) return [];
    const [reading] = await this.meter.read(budget, [period]);
    const raised: Alert[] = [];
    for (const threshold of budget.thresholds.filter((t) => reached(reading, t))) {
      const alert = await this.alerts.insertIfNew({
        userId: budget.userId,
        budgetId: budget.id,
        budgetName: budget.name,
        periodStart: period.start,
        periodEnd: period.end,
        threshold,
        spentMinor: reading.spent,
        availableMinor: reading.available,
        currency: budget.currency,
      });
      if (!alert) continue;
      const event = this.outbox.record(SUBJECTS.alertRaised, budget.userId, toAlertRaised(alert));
      await this.deliveries.enqueue(event);
      raised.push(alert);
      this.log.info({ budgetId: budget.id, alertId: alert.id, threshold, periodStart: period.start }, 'budget alert raised');
    }
    return raised;
  }
}

export function toAlertRaised(alert: Alert) {
  return {
    alertId: alert.id,
    budgetId: alert.budgetId,
    budgetName: alert.budgetName,
    periodStart: alert.periodStart,
    periodEnd: alert.periodEnd,
    threshold: alert.threshold,
    spent: toDecimalString(alert.spentMinor, alert.currency),
    available: toDecimalString(alert.availableMinor, alert.currency),
    currency: alert.currency,
    raisedAt: alert.raisedAt.toISOString(),
  };
}
