import { DomainException } from '@dsaas/model';
import type { DspErrorPids } from '../dsp/dsp-error.filter';

/** The negotiation's state does not allow this message or operation; nothing changed. 400 on DSP, 409 on management. */
export class InvalidNegotiationStateException extends DomainException {
  readonly code = 'invalid_negotiation_state';
  readonly status: number;
  constructor(message: string, status: 400 | 409, readonly pids?: DspErrorPids) {
    super(message);
    this.status = status;
  }
}
