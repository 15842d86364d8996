import { Injectable } from '@nestjs/common';
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

/** Reads spend per period from the projection and works out rollover (one query per read). */
@Injectable()
export class BudgetMeter {
  constructor(private readonly projection: ExpenseProjectionRepository) {}

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
