import { ValidationException, isHttpUrl } from '@dsaas/model';
import { BodyReader } from '../common/body-reader';
import { compactJson } from '../common/json-ld';
import { parseQuerySpec, QuerySpec } from '../common/query-spec';
import { DSP_2025_1_PROTOCOLS } from '../dsp/dsp-protocol';

/** Management API CatalogRequest / DatasetRequest: which counter-party to ask, over which protocol. */
export interface CatalogRequest {
  counterPartyAddress: string;
  counterPartyId: string;
  protocol: string;
  querySpec?: QuerySpec;
  additionalScopes: string[];
  /** DatasetRequest only. */
  datasetId?: string;
}

export const CATALOG_REQUEST_EXAMPLE = {
  '@context': ['https://w3id.org/edc/connector/management/v2'],
  '@type': 'CatalogRequest',
  counterPartyAddress: 'https://provider.example.com/api/dsp/bravo/2025-1',
  counterPartyId: 'did:web:provider.example.com:bravo',
  protocol: 'http-dsp-profile-2025-1',
  querySpec: { offset: 0, limit: 50 },
};

export function parseCatalogRequest(body: unknown, kind: 'CatalogRequest' | 'DatasetRequest'): CatalogRequest {
  const reader = new BodyReader();
  const object = reader.object(compactJson(body ?? null), 'body');
  if (!object) reader.done();
  const allowed = ['@type', 'counterPartyAddress', 'counterPartyId', 'protocol', 'additionalScopes', ...(kind === 'CatalogRequest' ? ['querySpec'] : ['@id'])];
  reader.onlyKeys(object!, allowed, '');
  reader.type(object!, [kind], '');
  const counterPartyAddress = reader.string(object!, 'counterPartyAddress', '', { required: true, max: 2048 });
  if (counterPartyAddress !== undefined && !isHttpUrl(counterPartyAddress)) reader.fail('counterPartyAddress', 'must be an http(s) URL');
  const counterPartyId = reader.string(object!, 'counterPartyId', '', { required: true, max: 512 });
  if (counterPartyId !== undefined && !/^did:[a-z0-9]+:\S+$/.test(counterPartyId)) reader.fail('counterPartyId', 'must be a DID');
  const protocol = reader.string(object!, 'protocol', '', { required: true, max: 128 });
  if (protocol !== undefined && !(DSP_2025_1_PROTOCOLS as readonly string[]).includes(protocol)) {
    reader.fail('protocol', `must be ${DSP_2025_1_PROTOCOLS.map((p) => `"${p}"`).join(' or ')}`);
  }
  const additionalScopes = reader.stringArray(object!, 'additionalScopes', '', { max: 20 }) ?? [];
  const datasetId = kind === 'DatasetRequest' ? reader.string(object!, '@id', '', { required: true, max: 512 }) : undefined;
  reader.done();
  let querySpec: QuerySpec | undefined;
  if (object!.querySpec !== undefined && object!.querySpec !== null) {
    try {
      querySpec = parseQuerySpec(object!.querySpec);
    } catch (error) {
      if (error instanceof ValidationException) throw new ValidationException(error.message, error.errors.map((e) => `querySpec.${e}`));
      throw error;
    }
  }
  return { counterPartyAddress: counterPartyAddress!, counterPartyId: counterPartyId!, protocol: protocol!, querySpec, additionalScopes, datasetId };
}
