import { DomainException } from '@dsaas/model';

/** The counter-party refused our DSP message (4xx): retrying the same message will not help. */
export class CounterPartyRejectedException extends DomainException {
  readonly code = 'counter_party_rejected';
  readonly status = 502;
  constructor(message: string, readonly counterPartyStatus: number, readonly counterPartyBody?: unknown) {
    super(message);
    this.extensions.counterPartyStatus = counterPartyStatus;
    if (counterPartyBody !== undefined) this.extensions.counterPartyError = counterPartyBody;
  }
}
