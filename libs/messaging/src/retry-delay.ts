/** The wait before retry number `attempt` (1, 2, ...): `firstMs`, doubling each time, at most `maxMs`. */
export function retryDelayMs(attempt: number, firstMs: number, maxMs: number): number {
  return Math.min(maxMs, firstMs * 2 ** Math.max(0, attempt - 1));
}
