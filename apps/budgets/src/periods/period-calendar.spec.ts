import { currentPeriod, invalidCustomPeriods, periodContaining, periodsBackFrom, previousPeriod, rolloverSpan, todayIn, type Calendar } from './period-calendar';

const monthly: Calendar = { period: 'monthly', customPeriods: [] };
const quarterly: Calendar = { period: 'quarterly', customPeriods: [] };
const custom: Calendar = {
  period: 'custom',
  customPeriods: [
    { start: '2026-01-10', end: '2026-01-20' },
    { start: '2026-02-01', end: '2026-02-28' },
  ],
};

describe('period calendar', () => {
  it('finds calendar periods, leap years included', () => {
    expect(periodContaining(monthly, '2028-02-15')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodContaining(quarterly, '2026-05-31')).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(periodContaining({ period: 'yearly', customPeriods: [] }, '2026-12-31')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(previousPeriod(monthly, { start: '2026-01-01', end: '2026-01-31' })).toEqual({ start: '2025-12-01', end: '2025-12-31' });
  });

  it('finds custom periods and the one before', () => {
    expect(periodContaining(custom, '2026-01-25')).toBeNull();
    expect(currentPeriod(custom, '2026-01-25')).toEqual(custom.customPeriods[0]);
    expect(currentPeriod(custom, '2026-01-01')).toBeNull();
    expect(previousPeriod(custom, custom.customPeriods[1])).toEqual(custom.customPeriods[0]);
    expect(periodsBackFrom(custom, custom.customPeriods[1], 6)).toHaveLength(2);
  });

  it('counts the periods rollover carries from', () => {
    expect(rolloverSpan(quarterly, '2026-02-10', { start: '2026-07-01', end: '2026-09-30' })).toEqual({ ranges: [{ start: '2026-01-01', end: '2026-06-30' }], periods: 2 });
    expect(rolloverSpan(monthly, '2026-03-03', { start: '2026-03-01', end: '2026-03-31' })).toEqual({ ranges: [], periods: 0 });
    expect(rolloverSpan(custom, '2026-01-01', custom.customPeriods[1]).periods).toBe(1);
  });

  it('refuses overlapping or backwards custom periods', () => {
    expect(invalidCustomPeriods(custom.customPeriods)).toBeNull();
    expect(invalidCustomPeriods([{ start: '2026-01-01', end: '2026-01-31' }, { start: '2026-01-31', end: '2026-02-10' }])).toMatch(/overlap/);
    expect(invalidCustomPeriods([{ start: '2026-01-05', end: '2026-01-01' }])).toMatch(/ends before/);
  });

  it('reads today in the budget time zone', () => {
    const instant = new Date('2026-03-31T23:30:00Z');
    expect(todayIn('UTC', instant)).toBe('2026-03-31');
    expect(todayIn('Europe/Berlin', instant)).toBe('2026-04-01');
    expect(todayIn('America/New_York', instant)).toBe('2026-03-31');
  });
});
