import { DomainException } from '@dsaas/model';

/** The counter-party could not be reached or failed (network, timeout, 5xx): worth another attempt. */
export class CounterPartyUnreachableException extends DomainException {
  readonly code = 'counter_party_unreachable';
  readonly status = 502;
}
