import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { policyEquals } from '@dsaas/policy';
import { dspValidator } from '@dsaas/protocol-dsp';
import { VerifiedCaller } from '../dcp-client/verified-caller';
import { DspParticipantContext } from '../dsp/dsp-participant-context';
import { DSP_2025_1_PROTOCOL } from '../dsp/dsp-protocol';
import { ContractNegotiation, theirPid } from './contract-negotiation';
import { ContractNegotiationNotFoundException } from './contract-negotiation-not-found.exception';
import { ContractNegotiationRepository, NegotiationChanges } from './contract-negotiation.repository';
import { InvalidNegotiationStateException } from './invalid-negotiation-state.exception';
import { contractNegotiationMessage, reasonOfMessage } from './negotiation-messages';
import { NegotiationRefusedException } from './negotiation-refused.exception';
import { FINAL_NEGOTIATION_STATES, NegotiationState } from './negotiation-state';
import { NegotiationWork } from './negotiation-work';
import { OfferVerifier } from './offer-verifier';

const S = NegotiationState;
const NOT_FINAL = Object.values(S).filter((state) => !FINAL_NEGOTIATION_STATES.includes(state));

/** DSP messages about an existing negotiation, by the path they arrive on. */
export type NegotiationMessageType =
  | 'ContractRequestMessage'
  | 'ContractOfferMessage'
  | 'ContractAgreementMessage'
  | 'ContractAgreementVerificationMessage'
  | 'ContractNegotiationEventMessage'
  | 'ContractNegotiationTerminationMessage';

type Message = Record<string, unknown> & { providerPid: string; consumerPid: string };
type Pids = { providerPid: string; consumerPid: string };

/** A state change a message asks for: allowed from, goes to, and the states where the same message again is a retry. */
interface Move {
  from: NegotiationState[];
  to: NegotiationState;
  done: NegotiationState[];
  changes?: NegotiationChanges;
}

/**
 * The DSP contract negotiation protocol of our contexts, both roles: a provider's `negotiations/request` and the
 * messages either side sends about an existing negotiation. The pid must be one of the addressed context's
 * negotiations AND the caller its counter-party, else the 404 of a missing pid. A message the state does not allow
 * is a 400 and changes nothing; the same message again is answered like the first time (counter-parties retry).
 */
@Injectable()
export class DspNegotiationService {
  private readonly logger = new Logger('DspNegotiation');

  constructor(
    private readonly negotiations: ContractNegotiationRepository,
    private readonly verifier: OfferVerifier,
    private readonly work: NegotiationWork,
  ) {}

  /** Provider: a consumer's initial ContractRequestMessage. Answers the ContractNegotiation (REQUESTED). */
  async request(context: DspParticipantContext, caller: VerifiedCaller, body: unknown): Promise<Record<string, unknown>> {
    dspValidator.assertValid('ContractRequestMessage', body);
    const message = body as { consumerPid: string; providerPid?: string; offer: Record<string, unknown>; callbackAddress?: string };
    const pids = { consumerPid: message.consumerPid, providerPid: message.providerPid ?? '' };
    if (message.providerPid !== undefined || !message.callbackAddress) {
      throw new NegotiationRefusedException('A counter-request goes to negotiations/{providerPid}/request; an initial request carries a callbackAddress', pids);
    }
    const ctx = context.participantContextId;
    const existing = await this.negotiations.findProviderNegotiation(ctx, caller.did, message.consumerPid);
    if (existing) return this.repeatedRequest(existing, message.offer, pids);
    if (!/^https?:\/\/\S+$/.test(message.callbackAddress)) throw new NegotiationRefusedException('callbackAddress must be an http(s) URL', pids);
    const check = await this.verifier.verify(context, caller, message.offer);
    if (!check.accepted) {
      this.logger.log({ participantContextId: ctx, consumer: caller.did, offerId: message.offer['@id'], reason: check.reason }, 'contract request refused');
      throw new NegotiationRefusedException(check.reason, pids);
    }
    const id = `urn:uuid:${randomUUID()}`;
    const negotiation: Omit<ContractNegotiation, 'createdAt' | 'updatedAt'> = {
      participantContextId: ctx,
      id,
      role: 'PROVIDER',
      state: S.REQUESTED,
      counterPartyId: caller.did,
      counterPartyAddress: message.callbackAddress.replace(/\/+$/, ''),
      protocol: DSP_2025_1_PROTOCOL,
      consumerPid: message.consumerPid,
      providerPid: id,
      assetId: check.assetId,
      offer: message.offer,
      contractDefinitionId: check.contractDefinitionId,
      callbackAddresses: [],
    };
    if (!(await this.negotiations.insert(negotiation))) {
      // A concurrent retry of the same request won the insert: answer what it created.
      const winner = await this.negotiations.findProviderNegotiation(ctx, caller.did, message.consumerPid);
      if (winner) return this.repeatedRequest(winner, message.offer, pids);
      throw new NegotiationRefusedException(`consumerPid '${message.consumerPid}' could not be used`, pids);
    }
    this.work.nudge();
    this.logger.log({ participantContextId: ctx, contractNegotiationId: id, consumer: caller.did, assetId: check.assetId }, 'contract requested');
    return contractNegotiationMessage((await this.negotiations.find(ctx, id))!);
  }

  /** `GET negotiations/{pid}`. */
  async get(context: DspParticipantContext, caller: VerifiedCaller, pid: string): Promise<Record<string, unknown>> {
    return contractNegotiationMessage(await this.ownNegotiation(context, caller, pid));
  }

  /** Any message about an existing negotiation. */
  async message(context: DspParticipantContext, caller: VerifiedCaller, pid: string, type: NegotiationMessageType, body: unknown): Promise<void> {
    dspValidator.assertValid(type, body);
    const message = body as Message;
    const negotiation = await this.ownNegotiation(context, caller, pid);
    const pids = { providerPid: message.providerPid ?? '', consumerPid: message.consumerPid };
    const provider = negotiation.role === 'PROVIDER';
    const ours = provider ? message.providerPid : message.consumerPid;
    const theirs = provider ? message.consumerPid : message.providerPid;
    const known = theirPid(negotiation);
    if (ours !== pid || (known !== undefined && theirs !== known)) {
      throw new InvalidNegotiationStateException(`The message's providerPid/consumerPid do not match contract negotiation '${pid}'`, 400, pids);
    }
    const move = provider ? await this.providerMove(context, caller, negotiation, type, message, pids) : this.consumerMove(context, negotiation, type, message, pids);
    if (!provider && known === undefined) move.changes = { ...move.changes, providerPid: theirs };
    if (move.done.includes(negotiation.state)) return;
    const result = await this.negotiations.transition(negotiation.participantContextId, negotiation.id, move.from, move.to, move.changes ?? {});
    if (result && !result.changed && !move.done.includes(result.negotiation.state)) throw this.outOfOrder(result.negotiation, type, pids);
    if (result?.changed) {
      this.work.nudge();
      this.logger.log({ participantContextId: negotiation.participantContextId, contractNegotiationId: negotiation.id, message: type, state: move.to }, 'negotiation message applied');
    }
  }

  private repeatedRequest(existing: ContractNegotiation, offer: Record<string, unknown>, pids: Pids): Record<string, unknown> {
    if (existing.offer['@id'] !== offer['@id']) throw new NegotiationRefusedException(`consumerPid '${pids.consumerPid}' is already used for another negotiation`, pids);
    return contractNegotiationMessage(existing);
  }

  private async providerMove(context: DspParticipantContext, caller: VerifiedCaller, negotiation: ContractNegotiation, type: NegotiationMessageType, message: Message, pids: Pids): Promise<Move> {
    switch (type) {
      case 'ContractRequestMessage': {
        const offer = message.offer as Record<string, unknown>;
        // The same request again while we have not answered it yet is a retry.
        if (negotiation.state === S.REQUESTED && offer['@id'] === negotiation.offer['@id'] && policyEquals(offer, negotiation.offer)) return { from: [], to: S.REQUESTED, done: [S.REQUESTED] };
        if (![S.OFFERED, S.REQUESTED].includes(negotiation.state)) throw this.outOfOrder(negotiation, type, pids);
        const check = await this.verifier.verify(context, caller, offer);
        if (!check.accepted) throw new NegotiationRefusedException(check.reason, pids);
        if (check.assetId !== negotiation.assetId) throw new NegotiationRefusedException('A counter-request must be about the same asset', pids);
        return { from: [S.OFFERED, S.REQUESTED], to: S.REQUESTED, done: [], changes: { offer } };
      }
      case 'ContractNegotiationEventMessage':
        if (message.eventType !== 'ACCEPTED') throw this.notForRole(negotiation, `${type} ${String(message.eventType)}`, pids);
        return { from: [S.OFFERED], to: S.ACCEPTED, done: [S.ACCEPTED] };
      case 'ContractAgreementVerificationMessage':
        // The verification can overtake our own AGREEING → AGREED commit.
        return { from: [S.AGREEING, S.AGREED], to: S.VERIFIED, done: [S.VERIFIED, S.FINALIZING, S.FINALIZED] };
      case 'ContractNegotiationTerminationMessage':
        return this.terminationMove(message);
      default:
        throw this.notForRole(negotiation, type, pids);
    }
  }

  private consumerMove(context: DspParticipantContext, negotiation: ContractNegotiation, type: NegotiationMessageType, message: Message, pids: Pids): Move {
    switch (type) {
      case 'ContractOfferMessage': {
        const offer = message.offer as Record<string, unknown>;
        if (negotiation.offer['@id'] === offer['@id'] && [S.OFFERED, S.ACCEPTING, S.ACCEPTED].includes(negotiation.state)) return { from: [], to: S.OFFERED, done: [negotiation.state] };
        // An offer equal to what we asked for is accepted at once; a different one waits for the user (terminate).
        const to = policyEquals(offer, negotiation.offer) ? S.ACCEPTING : S.OFFERED;
        return { from: [S.REQUESTING, S.REQUESTED], to, done: [], changes: { offer: { ...offer, target: offer.target ?? negotiation.assetId } } };
      }
      case 'ContractAgreementMessage': {
        const agreement = message.agreement as Record<string, unknown>;
        const problem = this.agreementProblem(context, negotiation, agreement);
        if (problem) throw new NegotiationRefusedException(problem, pids);
        if (negotiation.agreementId === agreement['@id']) return { from: [], to: S.AGREED, done: [negotiation.state] };
        const { '@context': _context, ...policy } = agreement;
        const signingDate = typeof agreement.timestamp === 'string' && !Number.isNaN(Date.parse(agreement.timestamp)) ? new Date(agreement.timestamp) : new Date();
        return {
          // The agreement can overtake our own REQUESTING → REQUESTED commit.
          from: [S.REQUESTING, S.REQUESTED, S.ACCEPTING, S.ACCEPTED],
          to: S.AGREED,
          done: [S.AGREED, S.VERIFYING, S.VERIFIED, S.FINALIZED],
          changes: {
            agreementId: agreement['@id'] as string,
            agreement: {
              participantContextId: negotiation.participantContextId,
              id: agreement['@id'] as string,
              negotiationId: negotiation.id,
              providerId: agreement.assigner as string,
              consumerId: agreement.assignee as string,
              assetId: agreement.target as string,
              policy,
              signingDate,
            },
          },
        };
      }
      case 'ContractNegotiationEventMessage':
        if (message.eventType !== 'FINALIZED') throw this.notForRole(negotiation, `${type} ${String(message.eventType)}`, pids);
        // The event can overtake our own VERIFYING → VERIFIED commit.
        return { from: [S.AGREED, S.VERIFYING, S.VERIFIED], to: S.FINALIZED, done: [S.FINALIZED] };
      case 'ContractNegotiationTerminationMessage':
        return this.terminationMove(message);
      default:
        throw this.notForRole(negotiation, type, pids);
    }
  }

  private terminationMove(message: Message): Move {
    const reason = reasonOfMessage(message);
    return { from: NOT_FINAL, to: S.TERMINATED, done: [S.TERMINATED], changes: reason ? { reason } : {} };
  }

  /** Consumer: the agreement must bind the provider we negotiate with, us, the asset and the offer we asked for. */
  private agreementProblem(context: DspParticipantContext, negotiation: ContractNegotiation, agreement: Record<string, unknown>): string | undefined {
    if (typeof agreement['@id'] !== 'string' || !agreement['@id']) return 'The agreement has no @id';
    if (agreement.assigner !== negotiation.counterPartyId) return `The agreement's assigner is not the provider ${negotiation.counterPartyId}`;
    if (agreement.assignee !== context.did) return `The agreement's assignee is not the consumer ${context.did}`;
    if (agreement.target !== negotiation.assetId) return `The agreement's target is not the asset '${negotiation.assetId}'`;
    if (!policyEquals(agreement, negotiation.offer)) return 'The agreement does not say what the offer said';
    return undefined;
  }

  /** The context's negotiation with this pid whose counter-party is the caller; anything else is the 404 of a missing pid. */
  private async ownNegotiation(context: DspParticipantContext, caller: VerifiedCaller, pid: string): Promise<ContractNegotiation> {
    const negotiation = await this.negotiations.find(context.participantContextId, pid);
    if (!negotiation || negotiation.counterPartyId !== caller.did) throw new ContractNegotiationNotFoundException(pid, { providerPid: pid, consumerPid: '' });
    return negotiation;
  }

  private notForRole(negotiation: ContractNegotiation, what: string, pids: Pids): InvalidNegotiationStateException {
    return new InvalidNegotiationStateException(`A ${what} is not accepted by the ${negotiation.role.toLowerCase()} of contract negotiation '${negotiation.id}'`, 400, pids);
  }

  private outOfOrder(negotiation: ContractNegotiation, type: string, pids: Pids): InvalidNegotiationStateException {
    return new InvalidNegotiationStateException(`A ${type} is not allowed: contract negotiation '${negotiation.id}' is ${negotiation.state}`, 400, pids);
  }
}
