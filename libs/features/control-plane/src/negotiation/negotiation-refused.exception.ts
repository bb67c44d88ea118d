import { DomainException } from '@dsaas/model';
import type { DspErrorPids } from '../dsp/dsp-error.filter';

/** A contract request the provider does not accept (offer not ours, policy denies, changed offer). Nothing is stored. */
export class NegotiationRefusedException extends DomainException {
  readonly code = 'negotiation_refused';
  readonly status = 400;
  constructor(message: string, readonly pids?: DspErrorPids) {
    super(message);
  }
}
