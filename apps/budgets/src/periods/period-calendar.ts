import type { BudgetPeriod } from '@irp/contracts';

/** A budget period: calendar dates, both included (expense dates carry no time zone). */
export interface Period {
  start: string;
  end: string;
}

export interface Calendar {
  period: BudgetPeriod;
  customPeriods: readonly Period[];
}

const DAY_MS = 86_400_000;
const MONTHS_PER: Record<Exclude<BudgetPeriod, 'custom'>, number> = { monthly: 1, quarterly: 3, yearly: 12 };

const iso = (date: Date) => date.toISOString().slice(0, 10);
const parse = (date: string) => new Date(`${date}T00:00:00Z`);

export function addDays(date: string, days: number): string {
  return iso(new Date(parse(date).getTime() + days * DAY_MS));
}

/** Days from `from` to `to` (0 when the same day). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / DAY_MS);
}

// Building a formatter costs far more than using one (it was the top of the status path's profile).
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Today's date where the budget's owner is. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-CA formats as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(now);
}

/** The calendar period of `months` months (1, 3, 12) that contains `date`. */
function calendarPeriod(date: string, months: number): Period {
  const d = parse(date);
  const firstMonth = Math.floor(d.getUTCMonth() / months) * months;
  const start = new Date(Date.UTC(d.getUTCFullYear(), firstMonth, 1));
  const end = new Date(Date.UTC(d.getUTCFullYear(), firstMonth + months, 0));
  return { start: iso(start), end: iso(end) };
}

/** The period of the budget that contains `date`; null for a custom budget with none there. */
export function periodContaining(calendar: Calendar, date: string): Period | null {
  if (calendar.period === 'custom') return calendar.customPeriods.find((p) => p.start <= date && date <= p.end) ?? null;
  return calendarPeriod(date, MONTHS_PER[calendar.period]);
}

/** The period before `period`; null when a custom budget has no earlier one. */
export function previousPeriod(calendar: Calendar, period: Period): Period | null {
  if (calendar.period !== 'custom') return periodContaining(calendar, addDays(period.start, -1));
  const earlier = calendar.customPeriods.filter((p) => p.end < period.start);
  return earlier.reduce<Period | null>((latest, p) => (!latest || p.end > latest.end ? p : latest), null);
}

/** The current period, or for a custom budget between periods the latest one that has begun (null before the first). */
export function currentPeriod(calendar: Calendar, today: string): Period | null {
  const containing = periodContaining(calendar, today);
  if (containing || calendar.period !== 'custom') return containing;
  return previousPeriod(calendar, { start: addDays(today, 1), end: addDays(today, 1) });
}

/** Up to `count` periods ending with `period`, newest first. */
export function periodsBackFrom(calendar: Calendar, period: Period, count: number): Period[] {
  const periods = [period];
  while (periods.length < count) {
    const previous = previousPeriod(calendar, periods[periods.length - 1]);
    if (!previous) break;
    periods.push(previous);
  }
  return periods;
}

/**
 * The periods before `period` that rollover carries from, counted from the one containing
 * `startsOn` (when the budget began): for calendar budgets one span and how many periods it holds.
 */
export function rolloverSpan(calendar: Calendar, startsOn: string, period: Period): { ranges: Period[]; periods: number } {
  if (calendar.period === 'custom') {
    const ranges = calendar.customPeriods.filter((p) => p.end < period.start && p.end >= startsOn);
    return { ranges, periods: ranges.length };
  }
  const first = periodContaining(calendar, startsOn) as Period;
  if (first.start >= period.start) return { ranges: [], periods: 0 };
  const months = MONTHS_PER[calendar.period];
  const [fy, fm] = first.start.split('-').map(Number);
  const [py, pm] = period.start.split('-').map(Number);
  const periods = ((py - fy) * 12 + (pm - fm)) / months;
  return { ranges: [{ start: first.start, end: addDays(period.start, -1) }], periods };
}

/** The first pair of custom periods that overlap (or a period that ends before it starts), or null. */
export function invalidCustomPeriods(periods: readonly Period[]): string | null {
  const backwards = periods.find((p) => p.end < p.start);
  if (backwards) return `period ${backwards.start}..${backwards.end} ends before it starts`;
  const sorted = [...periods].sort((a, b) => a.start.localeCompare(b.start));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].start <= sorted[i - 1].end) return `periods ${sorted[i - 1].start}..${sorted[i - 1].end} and ${sorted[i].start}..${sorted[i].end} overlap`;
  }
  return null;
}
