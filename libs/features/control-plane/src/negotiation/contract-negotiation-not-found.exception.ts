import { NotFoundException } from '@dsaas/model';
import type { DspErrorPids } from '../dsp/dsp-error.filter';

/** No such negotiation in this context (also: one the caller may not see). */
export class ContractNegotiationNotFoundException extends NotFoundException {
  constructor(id: string, readonly pids?: DspErrorPids) {
    super('Contract negotiation', id);
  }
}
