import { Inject, Injectable } from '@nestjs/common';
import { BUDGETS_CONFIG, type BudgetsConfig } from '../config/env';
import { rolloverSpan, type Calendar, type Period } from '../periods/period-calendar';
import { ExpenseProjectionRepository, type SpendScope } from './expense-projection.repository';

/** What the meter needs of a budget. */
export interface MeteredBudget extends Calendar, SpendScope {
  userId: string;
  currency: string;
  amountMinor: bigint;
  rollover: boolean;
  startsOn: string;
}

/** What a budget had and spent in one period, all in minor units of its currency. */
export interface PeriodReading {
  period: Period;
  spent: bigint;
  /** The amount plus what rolled over (negative after overspending with rollover). */
  available: bigint;
  carried: bigint;
}

/** Everything a budget's readings are computed from: equal inputs, equal readings. */
function readingInputs(budget: MeteredBudget, spendVersion: string, periods: readonly Period[]): string {
  const { userId, scope, categoryId, tag, currency, amountMinor, rollover, startsOn, period, customPeriods } = budget;
  return JSON.stringify([spendVersion, userId, scope, categoryId, tag, currency, String(amountMinor), rollover, startsOn, period, customPeriods, periods]);
}

/** Reads spend per period from the projection and works out rollover (one query per read). */
@Injectable()
export class BudgetMeter {
  /** The last readings per budget id, with the inputs they came from; oldest use first. */
  private readonly recent = new Map<string, { inputs: string; readings: PeriodReading[] }>();

  private readonly capacity: number;

  constructor(
    private readonly projection: ExpenseProjectionRepository,
    @Inject(BUDGETS_CONFIG) config: BudgetsConfig,
  ) {
    this.capacity = config.statusReadingsKept;
  }

  /**
   * As `read`, for a budget read with its owner's spend version outside any transaction: when
   * neither the budget, its periods nor the projection (the version) changed since the last read,
   * the readings are the same and no query is made. Every replica stays exact: the version is
   * read from the database with the budget, and any change to the projection moves it.
   */
  async readAt(budget: MeteredBudget & { id: string }, spendVersion: string, periods: readonly Period[]): Promise<PeriodReading[]> {
    const inputs = readingInputs(budget, spendVersion, periods);
    const kept = this.recent.get(budget.id);
    this.recent.delete(budget.id); // re-inserted last: the Map's order is the eviction order
    if (kept?.inputs === inputs) {
      this.recent.set(budget.id, kept);
      return kept.readings;
    }
    const readings = await this.read(budget, periods);
    if (this.capacity === 0) return readings;
    this.recent.set(budget.id, { inputs, readings });
    if (this.recent.size > this.capacity) this.recent.delete(this.recent.keys().next().value as string);
    return readings;
  }

  /** Readings of `periods` (consecutive, newest first), in the same order. */
  async read(budget: MeteredBudget, periods: readonly Period[]): Promise<PeriodReading[]> {
    const oldest = periods[periods.length - 1];
    const span = budget.rollover ? rolloverSpan(budget, budget.startsOn, oldest) : { ranges: [], periods: 0 };
    const sums = await this.projection.spendPerRange(budget.userId, budget, budget.currency, [...periods, ...span.ranges]);
    const spentBefore = sums.slice(periods.length).reduce((total, sum) => total + sum, 0n);
    let carried = budget.rollover ? budget.amountMinor * BigInt(span.periods) - spentBefore : 0n;
    const readings: PeriodReading[] = [];
    for (let i = periods.length - 1; i >= 0; i--) {
      const reading = { period: periods[i], spent: sums[i], available: budget.amountMinor + carried, carried };
      readings.unshift(reading);
      if (budget.rollover && periods[i].end >= budget.startsOn) carried = reading.available - reading.spent;
    }
    return readings;
  }
}

/** Whether spend has reached `threshold` percent of what is available (any spend, when nothing is). */
export function reached(reading: PeriodReading, threshold: number): boolean {
  if (reading.spent <= 0n) return false;
  if (reading.available <= 0n) return true;
  return reading.spent * 100n >= BigInt(threshold) * reading.available;
}
