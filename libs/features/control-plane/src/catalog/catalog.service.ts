import { Injectable, Logger } from '@nestjs/common';
import { dspValidator, DSP_CONTEXT_URL } from '@dsaas/protocol-dsp';
import { VerifiedCaller } from '../dcp-client/verified-caller';
import { DspAddresses } from '../dsp/dsp-addresses';
import { DspParticipantContext } from '../dsp/dsp-participant-context';
import { PolicyEvaluator } from '../dsp/policy-evaluator';
import { CatalogAsset, CatalogDataPlane, CatalogOfferSourceRepository, OfferDefinition } from './catalog-offer-source.repository';
import { CatalogPage } from './catalog-page';
import { DatasetNotFoundException } from './dataset-not-found.exception';
import { toDspPolicy } from './dsp-policy';
import { createOfferId } from './offer-id';

/** Keys of a Dataset that asset properties may not overwrite. */
const RESERVED = new Set(['@id', '@type', '@context', 'hasPolicy', 'distribution', 'id']);

export interface CatalogResult {
  catalog: Record<string, unknown>;
  /** Whether a page after this one exists (for the `Link: rel="next"` header). */
  hasMore: boolean;
}

/**
 * The provider's catalog for one requester: offers from the contract definitions whose access policy the
 * requester's verified claims satisfy (scope `catalog`), one dataset per offered asset, each offer carrying the
 * contract policy, each distribution a transfer type a registered data plane of the context can serve.
 */
@Injectable()
export class CatalogService {
  private readonly logger = new Logger('Catalog');

  constructor(
    private readonly sources: CatalogOfferSourceRepository,
    private readonly evaluator: PolicyEvaluator,
    private readonly addresses: DspAddresses,
  ) {}

  async catalog(context: DspParticipantContext, caller: VerifiedCaller, page: CatalogPage): Promise<CatalogResult> {
    const offered = await this.offeredAssets(context, caller);
    const dataPlanes = await this.sources.dataPlanes(context.participantContextId);
    const datasets = [...offered.values()]
      .map((entry) => this.datasetOf(context, entry.asset, entry.definitions, dataPlanes))
      .filter((dataset): dataset is Record<string, unknown> => dataset !== undefined);
    const slice = datasets.slice(page.offset, page.offset + page.limit);
    const catalog: Record<string, unknown> = {
      '@context': [DSP_CONTEXT_URL],
      '@id': `${context.did}#catalog`,
      '@type': 'Catalog',
      participantId: context.did,
      service: [this.dataService(context)],
      // The schema wants a non-empty `dataset` when present: an empty catalog has none.
      ...(slice.length ? { dataset: slice.map(({ '@context': _context, ...dataset }) => dataset) } : {}),
    };
    dspValidator.assertValid('Catalog', catalog);
    this.logger.log({ participantContextId: context.participantContextId, requester: caller.did, datasets: slice.length }, 'catalog answered');
    return { catalog, hasMore: page.offset + page.limit < datasets.length };
  }

  async dataset(context: DspParticipantContext, caller: VerifiedCaller, datasetId: string): Promise<Record<string, unknown>> {
    const offered = await this.offeredAssets(context, caller, datasetId);
    const entry = offered.get(datasetId);
    const dataset = entry && this.datasetOf(context, entry.asset, entry.definitions, await this.sources.dataPlanes(context.participantContextId));
    if (!dataset) throw new DatasetNotFoundException(datasetId);
    dspValidator.assertValid('Dataset', dataset);
    return dataset;
  }

  /** Whether the caller may see (and so request) this definition's offers: its access policy holds. */
  async accessAllowed(context: DspParticipantContext, caller: VerifiedCaller, definition: OfferDefinition): Promise<{ allowed: boolean; reasons: string[] }> {
    if (!definition.accessPolicy || !definition.contractPolicy) return { allowed: false, reasons: ['the contract definition refers to a policy that does not exist'] };
    return this.evaluator.evaluate(definition.accessPolicy, 'catalog', { agent: { id: caller.did, claims: caller.claims } });
  }

  private async offeredAssets(context: DspParticipantContext, caller: VerifiedCaller, assetId?: string) {
    const offered = new Map<string, { asset: CatalogAsset; definitions: OfferDefinition[] }>();
    for (const definition of await this.sources.definitions(context.participantContextId)) {
      const decision = await this.accessAllowed(context, caller, definition);
      if (!decision.allowed) {
        this.logger.debug({ participantContextId: context.participantContextId, requester: caller.did, contractDefinitionId: definition.id, reasons: decision.reasons }, 'offer hidden');
        continue;
      }
      for (const asset of await this.sources.selectedAssets(context.participantContextId, definition.assetsSelector, assetId)) {
        const entry = offered.get(asset.id) ?? { asset, definitions: [] };
        entry.definitions.push(definition);
        offered.set(asset.id, entry);
      }
    }
    return new Map([...offered.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  private dataService(context: DspParticipantContext) {
    return { '@id': `${context.did}#dsp`, '@type': 'DataService', endpointURL: this.addresses.endpoint(context.participantContextId, context.properties) };
  }

  /** A dataset, or undefined when no data plane of the context can serve the asset (nothing could be transferred). */
  private datasetOf(context: DspParticipantContext, asset: CatalogAsset, definitions: OfferDefinition[], dataPlanes: CatalogDataPlane[]): Record<string, unknown> | undefined {
    const formats = new Set<string>();
    for (const plane of dataPlanes) {
      if (plane.allowedSourceTypes.length && asset.dataAddressType && !plane.allowedSourceTypes.includes(asset.dataAddressType)) continue;
      plane.allowedTransferTypes.forEach((type) => formats.add(type));
    }
    if (formats.size === 0) return undefined;
    const properties = Object.fromEntries(Object.entries(asset.properties).filter(([key]) => !RESERVED.has(key)));
    const service = this.dataService(context);
    return {
      '@context': [DSP_CONTEXT_URL],
      ...properties,
      '@id': asset.id,
      '@type': 'Dataset',
      hasPolicy: definitions.map((definition) =>
        toDspPolicy(definition.contractPolicy, { id: createOfferId({ contractDefinitionId: definition.id, assetId: asset.id }), type: 'Offer' }),
      ),
      distribution: [...formats].sort().map((format) => ({ '@type': 'Distribution', format, accessService: service })),
    };
  }
}
