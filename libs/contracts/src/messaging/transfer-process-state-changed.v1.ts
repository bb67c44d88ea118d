import { IsIn, IsOptional, IsString } from 'class-validator';
import { defineSubject } from './subject-contract';

/**
 * Emitted by the control plane (through its outbox, in the transaction of the change) whenever a transfer process
 * changes state: metering (transfers started per context) and callbackAddresses deliveries listen to it.
 */
export class TransferProcessStateChangedV1 {
  @IsString()
  participantContextId: string;

  @IsString()
  transferProcessId: string;

  @IsIn(['CONSUMER', 'PROVIDER'])
  role: 'CONSUMER' | 'PROVIDER';

  @IsString()
  state: string;

  @IsOptional()
  @IsString()
  previousState?: string;

  @IsString()
  agreementId: string;

  @IsString()
  transferType: string;

  /** ISO 8601 time of the change. */
  @IsString()
  at: string;
}

export const TRANSFER_PROCESS_STATE_CHANGED_V1 = defineSubject('control-plane.transfer-process.state-changed', 1, TransferProcessStateChangedV1);
