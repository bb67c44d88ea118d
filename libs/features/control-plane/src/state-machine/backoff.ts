/** Ceiling of one retry delay, whatever the attempt count. */
export const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * Delay before attempt `attempt + 1` (attempt ≥ 1 failed attempts): exponential from `baseMs`, capped, with
 * "equal jitter" (half fixed, half random) so replicas retrying the same counter-party do not fire in step.
 */
export function backoffDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}
