import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StateMachine } from '../state-machine/state-machine';
import { ContractNegotiationEntity } from './contract-negotiation.entity';
import { ContractNegotiationRepository, NegotiationChanges, toContractNegotiation } from './contract-negotiation.repository';
import { NegotiationHandlers, NegotiationStep } from './negotiation-handlers';
import { NEGOTIATION_WORK_STATES, NegotiationState } from './negotiation-state';

/**
 * Contract negotiations as the state-machine worker drives them: due rows in a work state are claimed,
 * `NegotiationHandlers` does the work, the transition and its outbox event are written in the worker's transaction.
 */
@Injectable()
export class NegotiationStateMachine implements StateMachine<ContractNegotiationEntity, NegotiationState, NegotiationChanges> {
  readonly name = 'contract-negotiation';
  readonly entity = ContractNegotiationEntity;
  readonly workStates = NEGOTIATION_WORK_STATES;

  constructor(private readonly handlers: NegotiationHandlers, private readonly negotiations: ContractNegotiationRepository) {}

  handle(row: ContractNegotiationEntity): Promise<NegotiationStep | undefined> {
    return this.handlers.handle(toContractNegotiation(row));
  }

  async apply(manager: EntityManager, row: ContractNegotiationEntity, step: NegotiationStep): Promise<void> {
    await this.negotiations.apply(manager, toContractNegotiation(row), step.to, step.changes ?? {});
  }

  /** Unreachable after every attempt, or refused: the negotiation ends with the reason. */
  failed(row: ContractNegotiationEntity, reason: string): NegotiationStep {
    return { to: NegotiationState.TERMINATED, changes: { reason: row.reason ?? reason, errorDetail: reason } };
  }
}
