import type { DspDataAddress } from './data-address';
import type { TransferRole, TransferState } from './transfer-state';

/** A transfer process as the services see it (see TransferProcessEntity for the meaning of each field). */
export interface TransferProcess {
  participantContextId: string;
  id: string;
  role: TransferRole;
  state: TransferState;
  consumerPid: string;
  providerPid?: string;
  agreementId: string;
  assetId?: string;
  counterPartyId: string;
  counterPartyAddress: string;
  transferType: string;
  dataDestination?: DspDataAddress;
  dataPlaneId?: string;
  dataFlowState?: string;
  contentDataAddress?: DspDataAddress;
  callbackAddresses: unknown[];
  privateProperties: Record<string, unknown>;
  reason?: string;
  errorDetail?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The counter-party's pid of a process. */
export function counterPartyPid(process: Pick<TransferProcess, 'role' | 'consumerPid' | 'providerPid'>): string | undefined {
  return process.role === 'CONSUMER' ? process.providerPid : process.consumerPid;
}
