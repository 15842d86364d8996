import { Budget } from './budget.entity';
import { toBudgetStatus } from './budget.mapper';

const budget = new Budget({
  userId: '00000000-0000-4000-8000-000000000001',
  name: 'Food',
  amountMinor: 10_000n,
  currency: 'EUR',
  scope: 'overall',
  categoryId: null,
  categoryName: null,
  tag: null,
  period: 'monthly',
  timeZone: 'UTC',
  thresholds: [50, 80, 100],
  startsOn: '2026-01-01',
});
const april = { start: '2026-04-01', end: '2026-04-30' };

describe(toBudgetStatus.name, () => {
  it('forecasts the period end at the rate so far and counts the days left', () => {
    const sut = toBudgetStatus(budget, [{ period: april, spent: 3_000n, available: 10_000n, carried: 0n }], '2026-04-10');
    expect(sut).toMatchObject({ spent: '30.00', remaining: '70.00', percent: 30, daysLeft: 20, forecast: '90.00' });
  });

  it('reports overspending with a negative remainder and, with nothing available, no percentage', () => {
    expect(toBudgetStatus(budget, [{ period: april, spent: 12_345n, available: 10_000n, carried: 0n }], '2026-04-30')).toMatchObject({ remaining: '-23.45', percent: 123.4, daysLeft: 0, forecast: '123.45' });
    expect(toBudgetStatus(budget, [{ period: april, spent: 500n, available: -2_000n, carried: -12_000n }], '2026-04-01')).toMatchObject({ percent: null, carriedOver: '-120.00', available: '-20.00' });
  });

  it('answers a custom budget with no period yet without a current period', () => {
    expect(toBudgetStatus(budget, [], '2026-04-01')).toMatchObject({ period: null, spent: '0.00', history: [] });
  });
});
