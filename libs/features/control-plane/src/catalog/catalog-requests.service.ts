import { Injectable, Logger } from '@nestjs/common';
import { DSP_CONTEXT_URL } from '@dsaas/protocol-dsp';
import { scopesFor } from '../dcp-client/dcp-scopes';
import { DspConfig } from '../dsp/dsp.config';
import { DspHttpClient } from '../dsp/dsp-http.client';
import { DspParticipantContextRepository } from '../dsp/dsp-participant-context.repository';
import { MANAGEMENT_CONTEXT } from '../common/json-ld';
import { CatalogRequest } from './catalog-request';

/** A DSP document re-labelled for the management API: same compact terms, management `@context`. */
function forManagement(document: unknown): Record<string, unknown> {
  const { '@context': _dsp, ...rest } = (document ?? {}) as Record<string, unknown>;
  return { '@context': [MANAGEMENT_CONTEXT], ...rest };
}

function asArray(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Consumer side of the catalog protocol: asks a counter-party's DSP endpoint on behalf of one of our contexts. */
@Injectable()
export class CatalogRequestsService {
  private readonly logger = new Logger('CatalogRequests');

  constructor(
    private readonly contexts: DspParticipantContextRepository,
    private readonly dsp: DspHttpClient,
    private readonly config: DspConfig,
  ) {}

  async catalog(participantContextId: string, request: CatalogRequest): Promise<Record<string, unknown>> {
    await this.contexts.get(participantContextId);
    const base = request.counterPartyAddress.replace(/\/+$/, '');
    const query = request.querySpec ? `?offset=${request.querySpec.offset}&limit=${request.querySpec.limit}` : '';
    const answer = await this.dsp.call({
      participantContextId,
      counterPartyId: request.counterPartyId,
      method: 'POST',
      url: `${base}/catalog/request${query}`,
      body: { '@context': [DSP_CONTEXT_URL], '@type': 'CatalogRequestMessage', filter: [] },
      requestSchema: 'CatalogRequestMessage',
      responseSchema: 'Catalog',
      scopes: [...scopesFor(this.config.DCP_DEFAULT_SCOPES), ...request.additionalScopes],
    });
    this.logger.log({ participantContextId, counterPartyId: request.counterPartyId }, 'catalog received');
    // Management collections are always arrays, also when the counter-party's catalog has no datasets.
    const catalog = forManagement(answer.body);
    return { ...catalog, dataset: asArray(catalog.dataset), service: asArray(catalog.service) };
  }

  async dataset(participantContextId: string, request: CatalogRequest): Promise<Record<string, unknown>> {
    await this.contexts.get(participantContextId);
    const base = request.counterPartyAddress.replace(/\/+$/, '');
    const answer = await this.dsp.call({
      participantContextId,
      counterPartyId: request.counterPartyId,
      method: 'GET',
      url: `${base}/catalog/datasets/${encodeURIComponent(request.datasetId!)}`,
      responseSchema: 'Dataset',
      scopes: [...scopesFor(this.config.DCP_DEFAULT_SCOPES), ...request.additionalScopes],
    });
    return forManagement(answer.body);
  }
}
