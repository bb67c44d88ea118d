import { Injectable } from '@nestjs/common';
import { policyEquals } from '@dsaas/policy';
import { CatalogOfferSourceRepository } from '../catalog/catalog-offer-source.repository';
import { CatalogService } from '../catalog/catalog.service';
import { toDspPolicy } from '../catalog/dsp-policy';
import { parseOfferId } from '../catalog/offer-id';
import { VerifiedCaller } from '../dcp-client/verified-caller';
import { DspParticipantContext } from '../dsp/dsp-participant-context';
import { PolicyEvaluator } from '../dsp/policy-evaluator';

export type OfferCheck = { accepted: true; contractDefinitionId: string; assetId: string } | { accepted: false; reason: string };

/**
 * Provider: may this caller have an agreement on this offer? The offer id must be one our catalog made (contract
 * definition + asset of this context), the asset still selected by the definition, the offered policy the same as
 * ours, and the caller's verified claims must satisfy the access policy (scope `catalog`, as when the offer was
 * shown) and the contract policy (scope `contract.negotiation`).
 */
@Injectable()
export class OfferVerifier {
  constructor(
    private readonly sources: CatalogOfferSourceRepository,
    private readonly catalog: CatalogService,
    private readonly evaluator: PolicyEvaluator,
  ) {}

  async verify(context: DspParticipantContext, caller: VerifiedCaller, offer: Record<string, unknown>): Promise<OfferCheck> {
    const offerId = typeof offer['@id'] === 'string' ? offer['@id'] : '';
    const parts = parseOfferId(offerId);
    // One answer for every unknown offer: no hint whether a definition or asset exists.
    const unknown = { accepted: false as const, reason: `Offer '${offerId}' is not an offer of this provider` };
    if (!parts) return unknown;
    if (typeof offer.target === 'string' && offer.target !== parts.assetId) return { accepted: false, reason: `The offer's target is not the asset of offer '${offerId}'` };
    const definition = await this.sources.definition(context.participantContextId, parts.contractDefinitionId);
    if (!definition?.contractPolicy) return unknown;
    const selected = await this.sources.selectedAssets(context.participantContextId, definition.assetsSelector, parts.assetId);
    if (selected.length === 0) return unknown;
    const access = await this.catalog.accessAllowed(context, caller, definition);
    if (!access.allowed) return unknown;
    if (!policyEquals(offer, toDspPolicy(definition.contractPolicy, { id: offerId, type: 'Offer' }))) {
      return { accepted: false, reason: `The offered policy differs from the policy of offer '${offerId}'` };
    }
    const decision = await this.evaluator.evaluate(definition.contractPolicy, 'contract.negotiation', { agent: { id: caller.did, claims: caller.claims } });
    if (!decision.allowed) return { accepted: false, reason: `The contract policy is not satisfied: ${decision.reasons.join('; ')}` };
    return { accepted: true, contractDefinitionId: parts.contractDefinitionId, assetId: parts.assetId };
  }
}
