import type { DataFlowState } from './data-flow-state';

/** How data moves: the consumer pulls through our proxy, or we push to the consumer's destination. */
export type FlowKind = 'PULL' | 'PUSH';

/** A data flow (flow id = the control plane's transfer process id). Never holds a credential. */
export interface DataFlow {
  id: string;
  participantContextId: string;
  state: DataFlowState;
  kind: FlowKind;
  profile: string;
  transferType: string;
  agreementId: string;
  datasetId: string;
  counterPartyId: string;
  /** Base of the control plane's DPS callbacks (`{callbackAddress}/transfers/{id}/dataflow/{event}`). */
  callbackAddress?: string;
  /** The asset's data address as the control plane sent it (secret *names* only). */
  source: Record<string, string>;
  /** EDR tokens of an older generation are revoked (bumped on suspend and terminate). */
  tokenGeneration: number;
  /** sha256 of the current refresh token (pull). */
  refreshTokenHash?: string;
  bytesTransferred: number;
  /** Push attempts made so far (a restart counts on). */
  attempts: number;
  error?: string;
  createdAt: Date;
  updatedAt: Date;
}
