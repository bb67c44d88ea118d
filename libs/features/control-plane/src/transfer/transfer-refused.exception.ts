import { DomainException } from '@dsaas/model';
import type { DspErrorPids } from '../dsp/dsp-error.filter';

/** A transfer request the provider does not accept (unknown agreement, another consumer's, policy denies, type not offered). Nothing is stored. */
export class TransferRefusedException extends DomainException {
  readonly code = 'transfer_refused';
  readonly status = 400;
  constructor(message: string, readonly pids?: DspErrorPids) {
    super(message);
  }
}
