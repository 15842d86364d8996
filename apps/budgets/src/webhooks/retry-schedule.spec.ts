import { nextAttemptAt } from './retry-schedule';

describe('nextAttemptAt', () => {
  const created = new Date('2026-01-01T00:00:00Z');

  it('doubles the delay per attempt, with jitter between half and all of it', () => {
    const at = (attempts: number, random: number) => nextAttemptAt(created, attempts, created, 1000, 86_400_000, () => random)?.getTime();
    expect(at(1, 1)).toBe(created.getTime() + 1000);
    expect(at(1, 0)).toBe(created.getTime() + 500);
    expect(at(4, 1)).toBe(created.getTime() + 8000);
  });

  it('gives up after the retry window (about 24 h of attempts)', () => {
    const late = new Date(created.getTime() + 86_000_000);
    expect(nextAttemptAt(created, 20, late, 30_000, 86_400_000)).toBeNull();
    let now = created;
    let attempts = 0;
    for (let next = nextAttemptAt(created, 1, now, 30_000, 86_400_000, () => 1); next; next = nextAttemptAt(created, ++attempts + 1, now, 30_000, 86_400_000, () => 1)) now = next;
    expect(attempts).toBeGreaterThan(8);
    expect(now.getTime() - created.getTime()).toBeLessThanOrEqual(86_400_000);
  });
});
