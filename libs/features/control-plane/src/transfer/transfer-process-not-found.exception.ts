import { NotFoundException } from '@dsaas/model';
import type { DspErrorPids } from '../dsp/dsp-error.filter';

/** No such transfer process in this context (also: one the caller may not see). */
export class TransferProcessNotFoundException extends NotFoundException {
  constructor(id: string, readonly pids?: DspErrorPids) {
    super('Transfer process', id);
  }
}
