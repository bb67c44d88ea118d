import type { TransferChanges } from './transfer-process.repository';
import type { TransferState } from './transfer-state';

/** What a worker's handler decided for a leased process: the next state and what changes with it. */
export interface TransferStep {
  to: TransferState;
  changes?: TransferChanges;
}
