import { Injectable } from '@nestjs/common';
import { QuerySpec } from '../common/query-spec';
import { DspParticipantContextRepository } from '../dsp/dsp-participant-context.repository';
import { ContractNegotiation } from '../negotiation/contract-negotiation';
import { ContractNegotiationRepository } from '../negotiation/contract-negotiation.repository';
import { ContractAgreement } from './contract-agreement';
import { ContractAgreementNotFoundException } from './contract-agreement-not-found.exception';
import { ContractAgreementRepository } from './contract-agreement.repository';

/** Management reads of a context's contract agreements (in force) and the negotiations behind them. */
@Injectable()
export class ContractAgreementsService {
  constructor(
    private readonly contexts: DspParticipantContextRepository,
    private readonly agreements: ContractAgreementRepository,
    private readonly negotiations: ContractNegotiationRepository,
  ) {}

  async get(participantContextId: string, id: string): Promise<ContractAgreement> {
    await this.contexts.get(participantContextId);
    const agreement = await this.agreements.find(participantContextId, id);
    if (!agreement) throw new ContractAgreementNotFoundException(id);
    return agreement;
  }

  async query(participantContextId: string, spec: QuerySpec): Promise<ContractAgreement[]> {
    await this.contexts.get(participantContextId);
    return this.agreements.query(participantContextId, spec);
  }

  async negotiation(participantContextId: string, id: string): Promise<ContractNegotiation> {
    const agreement = await this.get(participantContextId, id);
    const negotiation = await this.negotiations.find(participantContextId, agreement.negotiationId);
    if (!negotiation) throw new ContractAgreementNotFoundException(id);
    return negotiation;
  }
}
