import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ConflictException, ValidationException } from '@dsaas/model';
import { QuerySpec } from '../common/query-spec';
import { DspParticipantContextRepository } from '../dsp/dsp-participant-context.repository';
import { DataAddressSecrets } from './data-address-secrets';
import { InvalidTransferStateException } from './invalid-transfer-state.exception';
import { TransferRequestInput } from './parse-transfer-request';
import { TransferProcess } from './transfer-process';
import { TransferProcessNotFoundException } from './transfer-process-not-found.exception';
import { TransferProcessRepository } from './transfer-process.repository';
import { ContractAgreementRepository } from '../agreements/contract-agreement.repository';
import { FINAL_TRANSFER_STATES, TransferState } from './transfer-state';
import { TransferWork } from './transfer-work';

const S = TransferState;

/** An operation of the management API on a process: allowed from, goes to, and where asking again changes nothing. */
interface Operation {
  name: string;
  from: TransferState[];
  to: (process: TransferProcess) => TransferState;
  done: TransferState[];
}

const SUSPEND: Operation = { name: 'suspended', from: [S.STARTED], to: () => S.SUSPENDING, done: [S.SUSPENDING, S.SUSPENDING_REQUESTED, S.SUSPENDED] };
const RESUME: Operation = { name: 'resumed', from: [S.SUSPENDED], to: () => S.RESUMING, done: [S.RESUMING, S.RESUME_REQUESTED, S.STARTING, S.STARTED] };
const TERMINATE: Operation = {
  name: 'terminated',
  from: Object.values(S).filter((state) => !FINAL_TRANSFER_STATES.includes(state) && state !== S.TERMINATING && state !== S.TERMINATING_REQUESTED),
  to: () => S.TERMINATING,
  done: [S.TERMINATING, S.TERMINATING_REQUESTED],
};

/** Management use cases of transfer processes: a consumer starts one under an agreement; either side suspends, resumes, terminates. */
@Injectable()
export class TransferProcessesService {
  private readonly logger = new Logger('TransferProcesses');

  constructor(
    private readonly contexts: DspParticipantContextRepository,
    private readonly transfers: TransferProcessRepository,
    private readonly agreements: ContractAgreementRepository,
    private readonly addresses: DataAddressSecrets,
    private readonly work: TransferWork,
  ) {}

  /** Consumer: a REQUESTING process; the worker sends the TransferRequestMessage. */
  async initiate(participantContextId: string, input: TransferRequestInput): Promise<TransferProcess> {
    const context = await this.contexts.get(participantContextId);
    const agreement = await this.agreements.find(participantContextId, input.contractId);
    if (!agreement || agreement.consumerId !== context.did) {
      throw new ValidationException('The transfer request is invalid', [`contractId: this context holds no contract agreement '${input.contractId}' as consumer`]);
    }
    if (input.counterPartyId !== undefined && input.counterPartyId !== agreement.providerId) {
      throw new ValidationException('The transfer request is invalid', [`counterPartyId: the agreement's provider is ${agreement.providerId}`]);
    }
    const id = input.id ?? randomUUID();
    const process: Omit<TransferProcess, 'createdAt' | 'updatedAt'> = {
      participantContextId,
      id,
      role: 'CONSUMER',
      state: S.REQUESTING,
      consumerPid: id,
      agreementId: agreement.id,
      assetId: agreement.assetId,
      counterPartyId: agreement.providerId,
      counterPartyAddress: input.counterPartyAddress,
      transferType: input.transferType,
      dataDestination: input.dataDestination ? await this.addresses.put(participantContextId, id, 'destination', input.dataDestination) : undefined,
      callbackAddresses: input.callbackAddresses,
      privateProperties: input.privateProperties,
    };
    if (!(await this.transfers.insert(process))) throw new ConflictException(`Transfer process '${id}' already exists`);
    this.work.nudge();
    this.logger.log({ participantContextId, transferProcessId: id, agreementId: agreement.id, transferType: input.transferType }, 'transfer initiated');
    return (await this.transfers.find(participantContextId, id))!;
  }

  async get(participantContextId: string, id: string): Promise<TransferProcess> {
    await this.contexts.get(participantContextId);
    const process = await this.transfers.find(participantContextId, id);
    if (!process) throw new TransferProcessNotFoundException(id);
    return process;
  }

  async query(participantContextId: string, spec: QuerySpec): Promise<TransferProcess[]> {
    await this.contexts.get(participantContextId);
    return this.transfers.query(participantContextId, spec);
  }

  suspend(participantContextId: string, id: string, reason?: string): Promise<void> {
    return this.operate(participantContextId, id, SUSPEND, reason);
  }

  resume(participantContextId: string, id: string): Promise<void> {
    return this.operate(participantContextId, id, RESUME);
  }

  terminate(participantContextId: string, id: string, reason?: string): Promise<void> {
    return this.operate(participantContextId, id, TERMINATE, reason);
  }

  private async operate(participantContextId: string, id: string, operation: Operation, reason?: string): Promise<void> {
    const process = await this.get(participantContextId, id);
    if (operation.done.includes(process.state)) return;
    const result = await this.transfers.transition(participantContextId, id, operation.from, operation.to(process), reason ? { reason } : {});
    if (!result) throw new TransferProcessNotFoundException(id);
    if (!result.changed) {
      if (operation.done.includes(result.process.state)) return;
      throw new InvalidTransferStateException(`Transfer process '${id}' is ${result.process.state}: it cannot be ${operation.name}`, 409);
    }
    this.work.nudge();
    this.logger.log({ participantContextId, transferProcessId: id, state: result.process.state }, `transfer ${operation.name}`);
  }
}
