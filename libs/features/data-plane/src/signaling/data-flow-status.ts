import { randomUUID } from 'crypto';
import type { DataFlowState } from '../flows/data-flow-state';
import type { DspDataAddress } from '../flows/data-address';

/** A DataFlowStatusMessage (DPS) answer. */
export interface DataFlowStatusMessage {
  messageId: string;
  dataFlowId: string;
  state: DataFlowState;
  dataAddress?: DspDataAddress;
  error?: string;
}

export function statusMessage(dataFlowId: string, state: DataFlowState, dataAddress?: DspDataAddress, error?: string): DataFlowStatusMessage {
  return { messageId: randomUUID(), dataFlowId, state, ...(dataAddress ? { dataAddress } : {}), ...(error ? { error } : {}) };
}
