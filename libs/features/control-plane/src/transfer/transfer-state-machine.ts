import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StateMachine, StateMachineStep } from '../state-machine/state-machine';
import { TransferHandlers } from './transfer-handlers';
import { TransferProcessEntity } from './transfer-process.entity';
import { toTransferProcess, TransferChanges, TransferProcessRepository } from './transfer-process.repository';
import { ACTIVE_TRANSFER_STATES, FINAL_TRANSFER_STATES, TransferState } from './transfer-state';
import { DataAddressSecrets } from './data-address-secrets';

const S = TransferState;

/**
 * Transfer processes as the state-machine worker drives them: rows in a `-ING` state (and a provider's REQUESTED:
 * its data flow is to be started) are claimed; `TransferHandlers` does the work; the transition and its outbox
 * event are written in the worker's transaction.
 */
@Injectable()
export class TransferStateMachine implements StateMachine<TransferProcessEntity, TransferState, TransferChanges> {
  readonly name = 'transfer-process';
  readonly entity = TransferProcessEntity;
  // A consumer's REQUESTED row is never due (next_attempt_at NULL): it waits for the provider's start.
  readonly workStates: readonly TransferState[] = [...ACTIVE_TRANSFER_STATES, S.REQUESTED];

  constructor(
    private readonly handlers: TransferHandlers,
    private readonly transfers: TransferProcessRepository,
    private readonly addresses: DataAddressSecrets,
  ) {}

  handle(row: TransferProcessEntity): Promise<StateMachineStep<TransferState, TransferChanges> | undefined> {
    return this.handlers.handle(toTransferProcess(row));
  }

  async apply(manager: EntityManager, row: TransferProcessEntity, step: StateMachineStep<TransferState, TransferChanges>): Promise<void> {
    await this.transfers.apply(manager, toTransferProcess(row), step.to, step.changes ?? {});
    // An ended process needs its EDR and destination credentials no more (also when it ends by the attempt limit).
    if (FINAL_TRANSFER_STATES.includes(step.to)) await this.addresses.deleteAll(row.participantContextId, row.id);
  }

  /**
   * Work that failed for good. A provider whose data flow could not be started still owes the consumer a
   * termination; everything else (the counter-party is unreachable or refuses) ends here with the reason.
   */
  failed(row: TransferProcessEntity, reason: string): StateMachineStep<TransferState, TransferChanges> {
    if (row.role === 'PROVIDER' && row.state === S.REQUESTED) return { to: S.TERMINATING, changes: { reason, errorDetail: reason } };
    return { to: S.TERMINATED, changes: { reason: row.reason ?? reason, errorDetail: reason } };
  }
}
