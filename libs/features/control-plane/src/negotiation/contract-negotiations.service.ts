import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ConflictException } from '@dsaas/model';
import { ContractAgreement } from '../agreements/contract-agreement';
import { ContractAgreementNotFoundException } from '../agreements/contract-agreement-not-found.exception';
import { ContractAgreementRepository } from '../agreements/contract-agreement.repository';
import { QuerySpec } from '../common/query-spec';
import { DspParticipantContextRepository } from '../dsp/dsp-participant-context.repository';
import { ContractNegotiation } from './contract-negotiation';
import { ContractNegotiationNotFoundException } from './contract-negotiation-not-found.exception';
import { ContractNegotiationRepository } from './contract-negotiation.repository';
import { InvalidNegotiationStateException } from './invalid-negotiation-state.exception';
import { NegotiationState } from './negotiation-state';
import { NegotiationWork } from './negotiation-work';
import { ContractRequestInput } from './parse-contract-request';

const S = NegotiationState;
const TERMINABLE = Object.values(S).filter((state) => ![S.FINALIZED, S.TERMINATED, S.TERMINATING].includes(state));

/** Management use cases of negotiations: a consumer starts one from a catalog offer; either side terminates; reads. */
@Injectable()
export class ContractNegotiationsService {
  private readonly logger = new Logger('ContractNegotiations');

  constructor(
    private readonly contexts: DspParticipantContextRepository,
    private readonly negotiations: ContractNegotiationRepository,
    private readonly agreements: ContractAgreementRepository,
    private readonly work: NegotiationWork,
  ) {}

  /** Consumer: a REQUESTING negotiation; the worker sends the ContractRequestMessage. */
  async initiate(participantContextId: string, input: ContractRequestInput): Promise<ContractNegotiation> {
    await this.contexts.get(participantContextId);
    const id = input.id ?? `urn:uuid:${randomUUID()}`;
    const inserted = await this.negotiations.insert({
      participantContextId,
      id,
      role: 'CONSUMER',
      state: S.REQUESTING,
      counterPartyId: input.counterPartyId,
      counterPartyAddress: input.counterPartyAddress,
      protocol: input.protocol,
      consumerPid: id,
      assetId: input.assetId,
      offer: input.offer,
      callbackAddresses: input.callbackAddresses,
    });
    if (!inserted) throw new ConflictException(`Contract negotiation '${id}' already exists`);
    this.work.nudge();
    this.logger.log({ participantContextId, contractNegotiationId: id, counterPartyId: input.counterPartyId, assetId: input.assetId }, 'negotiation initiated');
    return (await this.negotiations.find(participantContextId, id))!;
  }

  async get(participantContextId: string, id: string): Promise<ContractNegotiation> {
    await this.contexts.get(participantContextId);
    const negotiation = await this.negotiations.find(participantContextId, id);
    if (!negotiation) throw new ContractNegotiationNotFoundException(id);
    return negotiation;
  }

  async query(participantContextId: string, spec: QuerySpec): Promise<ContractNegotiation[]> {
    await this.contexts.get(participantContextId);
    return this.negotiations.query(participantContextId, spec);
  }

  /** The negotiation's agreement (404 while there is none in force). */
  async agreement(participantContextId: string, id: string): Promise<ContractAgreement> {
    const negotiation = await this.get(participantContextId, id);
    const agreement = negotiation.agreementId ? await this.agreements.find(participantContextId, negotiation.agreementId) : undefined;
    if (!agreement) throw new ContractAgreementNotFoundException(negotiation.agreementId ?? `of negotiation ${id}`);
    return agreement;
  }

  /** → TERMINATING (the worker tells the counter-party); again while terminating: nothing to do. */
  async terminate(participantContextId: string, id: string, reason?: string): Promise<void> {
    const negotiation = await this.get(participantContextId, id);
    if ([S.TERMINATING, S.TERMINATED].includes(negotiation.state)) return;
    const result = await this.negotiations.transition(participantContextId, id, TERMINABLE, S.TERMINATING, { reason: reason ?? 'terminated by the participant' });
    if (!result) throw new ContractNegotiationNotFoundException(id);
    if (!result.changed && ![S.TERMINATING, S.TERMINATED].includes(result.negotiation.state)) {
      throw new InvalidNegotiationStateException(`Contract negotiation '${id}' is ${result.negotiation.state}: it cannot be terminated`, 409);
    }
    this.work.nudge();
    this.logger.log({ participantContextId, contractNegotiationId: id }, 'negotiation terminated');
  }
}
