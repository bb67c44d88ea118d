import { isRetryable as isRetryableDelivery } from '@dsaas/messaging';
import { CounterPartyRejectedException } from '../dsp/counter-party-rejected.exception';

/**
 * Whether another attempt could succeed: as for bus deliveries (4xx-class domain errors such as our own message
 * failing its schema stay the same, network failures, 5xx and unexpected errors may not), and a counter-party's
 * refusal (4xx, reported as a 502 CounterPartyRejectedException) is final too.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof CounterPartyRejectedException) return false;
  return isRetryableDelivery(error);
}

export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 2000);
}
