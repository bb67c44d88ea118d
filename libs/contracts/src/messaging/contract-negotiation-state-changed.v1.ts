import { IsIn, IsOptional, IsString } from 'class-validator';
import { defineSubject } from './subject-contract';

/**
 * Emitted by the control plane (through its outbox, in the transaction of the change) whenever a contract
 * negotiation changes state: metering (contracts agreed per context) and callbackAddresses deliveries listen to it.
 */
export class ContractNegotiationStateChangedV1 {
  @IsString()
  participantContextId: string;

  @IsString()
  contractNegotiationId: string;

  @IsIn(['CONSUMER', 'PROVIDER'])
  role: 'CONSUMER' | 'PROVIDER';

  @IsString()
  state: string;

  @IsOptional()
  @IsString()
  previousState?: string;

  @IsString()
  counterPartyId: string;

  @IsString()
  assetId: string;

  @IsOptional()
  @IsString()
  agreementId?: string;

  /** ISO 8601 time of the change. */
  @IsString()
  at: string;
}

export const CONTRACT_NEGOTIATION_STATE_CHANGED_V1 = defineSubject('control-plane.contract-negotiation.state-changed', 1, ContractNegotiationStateChangedV1);
