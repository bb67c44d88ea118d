import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { toAgreementPolicy } from '@dsaas/policy';
import { ContractAgreementRepository } from '../agreements/contract-agreement.repository';
import { toDspPolicy } from '../catalog/dsp-policy';
import { scopesFor } from '../dcp-client/dcp-scopes';
import { CounterPartyRejectedException } from '../dsp/counter-party-rejected.exception';
import { DspAddresses } from '../dsp/dsp-addresses';
import { DspConfig } from '../dsp/dsp.config';
import { DspCall, DspHttpClient } from '../dsp/dsp-http.client';
import { DspParticipantContextRepository } from '../dsp/dsp-participant-context.repository';
import { StateMachineStep } from '../state-machine/state-machine';
import { ContractNegotiation, theirPid } from './contract-negotiation';
import { NegotiationChanges } from './contract-negotiation.repository';
import {
  agreementVerificationMessage,
  contractAgreementMessage,
  contractRequestMessage,
  negotiationEventMessage,
  negotiationTerminationMessage,
} from './negotiation-messages';
import { NegotiationState } from './negotiation-state';

const S = NegotiationState;
export type NegotiationStep = StateMachineStep<NegotiationState, NegotiationChanges>;

/**
 * What the worker does for a leased negotiation in each work state: send the DSP message (or make the agreement),
 * then name the next state. Retryable failures are thrown for the worker to retry with backoff; a refusal makes
 * the worker end the negotiation (TERMINATED with the reason).
 */
@Injectable()
export class NegotiationHandlers {
  private readonly logger = new Logger('NegotiationHandlers');

  constructor(
    private readonly dsp: DspHttpClient,
    private readonly contexts: DspParticipantContextRepository,
    private readonly agreements: ContractAgreementRepository,
    private readonly addresses: DspAddresses,
    private readonly config: DspConfig,
  ) {}

  async handle(negotiation: ContractNegotiation): Promise<NegotiationStep | undefined> {
    const provider = negotiation.role === 'PROVIDER';
    switch (negotiation.state) {
      case S.REQUESTING:
        return this.request(negotiation);
      case S.ACCEPTING:
        await this.send(negotiation, 'events', negotiationEventMessage(negotiation, 'ACCEPTED'), 'ContractNegotiationEventMessage');
        return { to: S.ACCEPTED };
      case S.REQUESTED:
      case S.ACCEPTED:
        return provider ? this.agree(negotiation) : undefined;
      case S.AGREEING:
        return this.sendAgreement(negotiation);
      case S.AGREED:
        return provider ? undefined : { to: S.VERIFYING };
      case S.VERIFYING:
        await this.send(negotiation, 'agreement/verification', agreementVerificationMessage(negotiation), 'ContractAgreementVerificationMessage');
        return { to: S.VERIFIED };
      case S.VERIFIED:
        return provider ? { to: S.FINALIZING } : undefined;
      case S.FINALIZING:
        await this.send(negotiation, 'events', negotiationEventMessage(negotiation, 'FINALIZED'), 'ContractNegotiationEventMessage');
        return { to: S.FINALIZED };
      case S.TERMINATING:
        return this.terminate(negotiation);
      default:
        return undefined;
    }
  }

  /** Consumer: the initial request (answered by the provider's ContractNegotiation with its pid) or a counter-request. */
  private async request(negotiation: ContractNegotiation): Promise<NegotiationStep> {
    const context = await this.contexts.get(negotiation.participantContextId);
    const body = contractRequestMessage(negotiation, this.addresses.endpoint(context.participantContextId, context.properties));
    if (negotiation.providerPid) {
      await this.send(negotiation, 'request', body, 'ContractRequestMessage');
      return { to: S.REQUESTED };
    }
    const answer = await this.dsp.call({
      ...this.callTo(negotiation),
      url: `${negotiation.counterPartyAddress}/negotiations/request`,
      body,
      requestSchema: 'ContractRequestMessage',
      responseSchema: 'ContractNegotiation',
    });
    const providerPid = (answer.body as { providerPid: string }).providerPid;
    return { to: S.REQUESTED, changes: { providerPid } };
  }

  /** Provider: the agreement is made (and stored with the step) before it is sent, so a resend sends the same one. */
  private async agree(negotiation: ContractNegotiation): Promise<NegotiationStep> {
    const context = await this.contexts.get(negotiation.participantContextId);
    const id = `urn:uuid:${randomUUID()}`;
    const signingDate = new Date();
    const parties = { assigner: context.did, assignee: negotiation.counterPartyId, target: negotiation.assetId };
    const policy = toDspPolicy(toAgreementPolicy(negotiation.offer, { ...parties, id, timestamp: signingDate }), { ...parties, id, type: 'Agreement', timestamp: signingDate.toISOString() });
    return {
      to: S.AGREEING,
      changes: {
        agreementId: id,
        agreement: {
          participantContextId: negotiation.participantContextId,
          id,
          negotiationId: negotiation.id,
          providerId: context.did,
          consumerId: negotiation.counterPartyId,
          assetId: negotiation.assetId,
          policy,
          signingDate,
        },
      },
    };
  }

  private async sendAgreement(negotiation: ContractNegotiation): Promise<NegotiationStep> {
    const agreement = negotiation.agreementId ? await this.agreements.findAny(negotiation.participantContextId, negotiation.agreementId) : undefined;
    if (!agreement) return { to: S.TERMINATING, changes: { reason: 'the agreement was lost', errorDetail: 'no agreement row for an AGREEING negotiation' } };
    await this.send(negotiation, 'agreement', contractAgreementMessage(negotiation, agreement.policy), 'ContractAgreementMessage');
    return { to: S.AGREED };
  }

  private async terminate(negotiation: ContractNegotiation): Promise<NegotiationStep> {
    // A counter-party that never heard of the negotiation has nothing to terminate.
    if (theirPid(negotiation) === undefined) return { to: S.TERMINATED };
    try {
      await this.send(negotiation, 'termination', negotiationTerminationMessage(negotiation), 'ContractNegotiationTerminationMessage');
    } catch (error) {
      // The counter-party refusing our termination (it may have ended the negotiation already) does not keep ours alive.
      if (!(error instanceof CounterPartyRejectedException)) throw error;
      this.logger.warn({ participantContextId: negotiation.participantContextId, contractNegotiationId: negotiation.id, detail: error.message }, 'termination refused by the counter-party');
    }
    return { to: S.TERMINATED };
  }

  /** A message about the negotiation to the counter-party's `negotiations/{theirPid}/<path>`. */
  private async send(negotiation: ContractNegotiation, path: string, body: Record<string, unknown>, schema: NonNullable<DspCall['requestSchema']>): Promise<void> {
    await this.dsp.call({
      ...this.callTo(negotiation),
      url: `${negotiation.counterPartyAddress}/negotiations/${encodeURIComponent(theirPid(negotiation) ?? '')}/${path}`,
      body,
      requestSchema: schema,
    });
  }

  private callTo(negotiation: ContractNegotiation): Omit<DspCall, 'url'> {
    return {
      participantContextId: negotiation.participantContextId,
      counterPartyId: negotiation.counterPartyId,
      method: 'POST',
      // The counter-party may read the credentials the offer's policy asks about.
      scopes: scopesFor(this.config.DCP_DEFAULT_SCOPES, [negotiation.offer]),
    };
  }
}
