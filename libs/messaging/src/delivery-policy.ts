import { DomainException } from '@dsaas/model';
import { PoisonMessageError } from './poison-message.error';

export const DEFAULT_MAX_DELIVER = 5;
export const DEFAULT_BACKOFF_MS = [1000, 5000, 30000];

/**
 * Whether a handler error is worth another attempt. Poison messages and domain errors a client caused
 * (4xx: validation, not found, conflict) fail the same way every time; everything else (5xx domain
 * errors, TransientException, unknown errors such as a lost connection) may succeed later.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof PoisonMessageError) return false;
  if (error instanceof DomainException) return error.status >= 500;
  return true;
}

/** Delay before attempt `attempt + 1`; the last backoff entry repeats. */
export function backoffDelay(backoff: number[], attempt: number): number {
  if (backoff.length === 0) return 0;
  return backoff[Math.min(Math.max(attempt, 1), backoff.length) - 1];
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
