import type { BudgetStatus, BudgetView } from '@irp/contracts';
import { toDecimalString } from '@irp/money';
import { daysBetween, type Period } from '../periods/period-calendar';
import type { PeriodReading } from '../spend/budget-meter';
import type { Budget } from './budget.entity';

export function toBudgetView(budget: Budget): BudgetView {
  return {
    id: budget.id,
    name: budget.name,
    amount: toDecimalString(budget.amountMinor, budget.currency),
    currency: budget.currency,
    period: budget.period,
    category: budget.categoryId ? { id: budget.categoryId, name: budget.categoryName ?? '' } : null,
    tag: budget.tag,
    customPeriods: budget.customPeriods,
    timeZone: budget.timeZone,
    rollover: budget.rollover,
    thresholds: budget.thresholds,
    startsOn: budget.startsOn,
    createdAt: budget.createdAt.toISOString(),
    updatedAt: budget.updatedAt.toISOString(),
  };
}

/** Spend at the period's end at the rate so far (days elapsed, today included). */
function forecast(reading: PeriodReading, today: string): bigint {
  const length = daysBetween(reading.period.start, reading.period.end) + 1;
  const elapsed = Math.min(length, Math.max(1, daysBetween(reading.period.start, today) + 1));
  return (reading.spent * BigInt(length)) / BigInt(elapsed);
}

/** The status of a budget from its readings, the current period first. */
export function toBudgetStatus(budget: Budget, readings: PeriodReading[], today: string): BudgetStatus {
  const money = (minor: bigint) => toDecimalString(minor, budget.currency);
  const current = readings[0] as PeriodReading | undefined;
  const history = readings.map(({ period, spent, available }) => ({ start: period.start, end: period.end, spent: money(spent), available: money(available) }));
  if (!current) {
    return { budgetId: budget.id, currency: budget.currency, period: null, amount: money(budget.amountMinor), carriedOver: '0', available: money(budget.amountMinor), spent: money(0n), remaining: money(budget.amountMinor), percent: 0, daysLeft: 0, forecast: money(0n), history };
  }
  const period: Period = current.period;
  return {
    budgetId: budget.id,
    currency: budget.currency,
    period,
    amount: money(budget.amountMinor),
    carriedOver: money(current.carried),
    available: money(current.available),
    spent: money(current.spent),
    remaining: money(current.available - current.spent),
    percent: current.available > 0n ? Number((current.spent * 1000n) / current.available) / 10 : null,
    daysLeft: Math.max(0, daysBetween(today, period.end)),
    forecast: money(forecast(current, today)),
    history,
  };
}
