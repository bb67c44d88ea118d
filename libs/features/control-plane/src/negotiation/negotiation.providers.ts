import { ContractAgreementsController } from '../agreements/contract-agreements.controller';
import { ContractAgreementsService } from '../agreements/contract-agreements.service';
import { ContractNegotiationRepository } from './contract-negotiation.repository';
import { ContractNegotiationsController } from './contract-negotiations.controller';
import { ContractNegotiationsService } from './contract-negotiations.service';
import { DspNegotiationController } from './dsp-negotiation.controller';
import { DspNegotiationService } from './dsp-negotiation.service';
import { NegotiationHandlers } from './negotiation-handlers';
import { NegotiationStateMachine } from './negotiation-state-machine';
import { NegotiationWork } from './negotiation-work';
import { NegotiationWorker } from './negotiation-worker';
import { OfferVerifier } from './offer-verifier';

/** Controllers of the negotiation feature: DSP negotiations, management contractnegotiations and contractagreements. */
export const NEGOTIATION_CONTROLLERS = [DspNegotiationController, ContractNegotiationsController, ContractAgreementsController];

/** Providers of the negotiation feature, for DspModule (ContractAgreementRepository is provided there for transfers too). */
export const NEGOTIATION_PROVIDERS = [
  ContractNegotiationRepository,
  OfferVerifier,
  NegotiationWork,
  NegotiationHandlers,
  NegotiationStateMachine,
  NegotiationWorker,
  DspNegotiationService,
  ContractNegotiationsService,
  ContractAgreementsService,
];
