import { DomainException } from '@dsaas/model';
import type { DspErrorPids } from '../dsp/dsp-error.filter';

/**
 * The process is not in a state that allows this message or operation; nothing was changed. 400 on the DSP side
 * (the TCK's answer to out-of-order messages), 409 on the management and signaling APIs.
 */
export class InvalidTransferStateException extends DomainException {
  readonly code = 'invalid_transfer_state';
  readonly status: number;
  constructor(message: string, status: 400 | 409, readonly pids?: DspErrorPids) {
    super(message);
    this.status = status;
  }
}
