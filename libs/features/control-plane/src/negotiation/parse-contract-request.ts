import { DSP_CONTEXT_URL, dspValidator } from '@dsaas/protocol-dsp';
import { isHttpUrl } from '@dsaas/model';
import { BodyReader, isObject } from '../common/body-reader';
import { compactJson, JsonObject } from '../common/json-ld';
import { toDspPolicy } from '../catalog/dsp-policy';
import { DSP_2025_1_PROTOCOLS } from '../dsp/dsp-protocol';

/** A management ContractRequest (EDC shape): the offer from the provider's catalog, where and with whom. */
export interface ContractRequestInput {
  id?: string;
  protocol: string;
  counterPartyAddress: string;
  counterPartyId: string;
  /** The offer as DSP carries it (`@id` = the provider's offer id, `target` = the asset). */
  offer: Record<string, unknown>;
  assetId: string;
  callbackAddresses: JsonObject[];
}

export const CONTRACT_REQUEST_EXAMPLE = {
  '@context': ['https://w3id.org/edc/connector/management/v2'],
  '@type': 'ContractRequest',
  protocol: 'http-dsp-profile-2025-1',
  counterPartyAddress: 'https://provider.example.com/api/dsp/bravo/2025-1',
  counterPartyId: 'did:web:provider.example.com:bravo',
  policy: {
    '@id': 'Y2QtMQ==:YXNzZXQtMQ==:NjQ2YjYzYzEtZjI1OC00YzRlLWE3OTgtNTNiYTM4ODk2ZGI0',
    '@type': 'Offer',
    assigner: 'did:web:provider.example.com:bravo',
    target: 'asset-1',
    permission: [{ action: 'use', constraint: [{ leftOperand: 'MembershipCredential', operator: 'eq', rightOperand: 'active' }] }],
  },
  callbackAddresses: [],
};

const DID = /^did:[a-z0-9]+:\S+$/;

/** The offer as we will send it; a policy that is not ODRL we can read, or not a DSP offer, is a 400. */
function offerOf(reader: BodyReader, policy: JsonObject): { offer?: Record<string, unknown>; assetId?: string } {
  const id = reader.string(policy, '@id', 'policy', { required: true, max: 1024 });
  const assetId = reader.string(policy, 'target', 'policy', { required: true, max: 256 });
  reader.type(policy, ['Offer', 'Set'], 'policy');
  if (id === undefined || assetId === undefined) return {};
  let offer: Record<string, unknown>;
  try {
    offer = toDspPolicy(policy, { id, type: 'Offer', target: assetId });
  } catch (error) {
    reader.fail('policy', `is not a policy: ${(error as Error).message}`);
    return {};
  }
  const sample = { '@context': [DSP_CONTEXT_URL], '@type': 'ContractRequestMessage', consumerPid: 'x', offer, callbackAddress: 'https://x' };
  const validation = dspValidator.validate('ContractRequestMessage', sample);
  if (!validation.valid) validation.errors.slice(0, 5).forEach((error) => reader.fail('policy', `is not a valid DSP offer: ${error}`));
  return { offer, assetId };
}

export function parseContractRequest(body: unknown): ContractRequestInput {
  const reader = new BodyReader();
  const object = reader.object(compactJson(body ?? null), 'body') ?? {};
  // `providerId`/`connectorId` come from older EDC clients: read as the counter-party id.
  reader.onlyKeys(object, ['@id', '@type', 'protocol', 'counterPartyAddress', 'counterPartyId', 'providerId', 'connectorId', 'policy', 'callbackAddresses'], '');
  reader.type(object, ['ContractRequest'], '');
  const id = reader.id(object, '@id', '', false);
  const protocol = reader.string(object, 'protocol', '', { required: true, max: 128 });
  if (protocol !== undefined && !(DSP_2025_1_PROTOCOLS as readonly string[]).includes(protocol)) reader.fail('protocol', `must be ${DSP_2025_1_PROTOCOLS.map((p) => `"${p}"`).join(' or ')}`);
  const counterPartyAddress = reader.string(object, 'counterPartyAddress', '', { required: true, max: 2048 });
  if (counterPartyAddress !== undefined && !isHttpUrl(counterPartyAddress)) reader.fail('counterPartyAddress', 'must be an http(s) URL');
  const policy = reader.object(object.policy ?? undefined, 'policy');
  const { offer, assetId } = policy ? offerOf(reader, policy) : {};
  const named = reader.string(object, 'counterPartyId', '', { max: 512 }) ?? reader.string(object, 'providerId', '', { max: 512 }) ?? reader.string(object, 'connectorId', '', { max: 512 });
  const assigner = policy && typeof policy.assigner === 'string' ? policy.assigner : undefined;
  const counterPartyId = named ?? assigner;
  if (counterPartyId === undefined) reader.fail('counterPartyId', 'is required (or the provider DID as policy.assigner)');
  else if (!DID.test(counterPartyId)) reader.fail('counterPartyId', 'must be a DID');
  if (named !== undefined && assigner !== undefined && named !== assigner) reader.fail('policy.assigner', 'must be the counterPartyId');
  let callbackAddresses: JsonObject[] = [];
  if (object.callbackAddresses !== undefined && object.callbackAddresses !== null) {
    const list = Array.isArray(object.callbackAddresses) ? object.callbackAddresses : [object.callbackAddresses];
    if (list.length > 10 || !list.every(isObject)) reader.fail('callbackAddresses', 'must be at most 10 CallbackAddress objects');
    else callbackAddresses = list as JsonObject[];
  }
  reader.done();
  return { id, protocol: protocol!, counterPartyAddress: counterPartyAddress!.replace(/\/+$/, ''), counterPartyId: counterPartyId!, offer: offer!, assetId: assetId!, callbackAddresses };
}

/** `{"@type": "TerminateNegotiation", "reason": "..."}`; the body is optional. */
export function parseTerminateNegotiation(body: unknown): string | undefined {
  if (body === undefined || body === null || body === '' || (isObject(body) && Object.keys(body).length === 0)) return undefined;
  const reader = new BodyReader();
  const object = reader.object(compactJson(body), 'body') ?? {};
  reader.onlyKeys(object, ['@type', '@id', 'reason'], '');
  reader.type(object, ['TerminateNegotiation'], '');
  const reason = reader.string(object, 'reason', '', { max: 2000 });
  reader.done();
  return reason;
}
