/**
 * When to try a failed delivery again: exponential back-off from `baseMs` (doubling per attempt,
 * at most 6 h apart) with jitter (a random 50–100 % of the step), so receivers coming back up are
 * not hit by every sender at once. Null once the next try would fall beyond `retryForMs` after the
 * delivery was created: it has failed for good.
 */
export function nextAttemptAt(createdAt: Date, attempts: number, now: Date, baseMs: number, retryForMs: number, random: () => number = Math.random): Date | null {
  const step = Math.min(baseMs * 2 ** Math.min(attempts - 1, 30), 6 * 3_600_000);
  const next = new Date(now.getTime() + step * (0.5 + random() / 2));
  return next.getTime() - createdAt.getTime() > retryForMs ? null : next;
}
