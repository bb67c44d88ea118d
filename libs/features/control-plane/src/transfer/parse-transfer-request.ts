import { isHttpUrl } from '@dsaas/model';
import { BodyReader, isObject } from '../common/body-reader';
import { compactJson, JsonObject } from '../common/json-ld';
import { DSP_2025_1_PROTOCOLS } from '../dsp/dsp-protocol';
import { DspDataAddress, normalizeDataAddress } from './data-address';

/** A management TransferRequest (EDC shape): which agreement, with whom, how. */
export interface TransferRequestInput {
  id?: string;
  protocol: string;
  counterPartyAddress: string;
  counterPartyId?: string;
  contractId: string;
  transferType: string;
  dataDestination?: DspDataAddress;
  callbackAddresses: JsonObject[];
  privateProperties: JsonObject;
}

export const TRANSFER_REQUEST_EXAMPLE = {
  '@context': ['https://w3id.org/edc/connector/management/v2'],
  '@type': 'TransferRequest',
  protocol: 'http-dsp-profile-2025-1',
  counterPartyAddress: 'https://provider.example.com/api/dsp/bravo/2025-1',
  counterPartyId: 'did:web:provider.example.com:bravo',
  contractId: '3d6b2a3c-1c1f-4f53-b3f4-2f0e8c1d9a77',
  transferType: 'HttpData-PULL',
  callbackAddresses: [],
};

/**
 * A push destination in EDC's flat form (`{type, baseUrl, authKey, authCode, ...}`) or as a DSP DataAddress
 * (`{endpointType, endpoint, endpointProperties}`), as a DSP DataAddress: the EDC type becomes the endpointType,
 * baseUrl the endpoint, every other string field an endpoint property.
 */
export function destinationOf(reader: BodyReader, value: JsonObject): DspDataAddress | undefined {
  if (typeof value.endpointType === 'string') return normalizeDataAddress(value) ?? reader.fail('dataDestination', 'is not a valid DataAddress');
  if (typeof value.type !== 'string' || !value.type) return reader.fail('dataDestination.type', 'is required');
  const properties = Object.entries(value)
    .filter(([key]) => !['@type', 'type', 'baseUrl'].includes(key))
    .map(([name, property]) => ({ '@type': 'EndpointProperty' as const, name, value: typeof property === 'string' ? property : JSON.stringify(property) }));
  if (value.baseUrl !== undefined && (typeof value.baseUrl !== 'string' || !isHttpUrl(value.baseUrl))) return reader.fail('dataDestination.baseUrl', 'must be an http(s) URL');
  return {
    '@type': 'DataAddress',
    endpointType: value.type,
    ...(typeof value.baseUrl === 'string' ? { endpoint: value.baseUrl } : {}),
    ...(properties.length ? { endpointProperties: properties } : {}),
  };
}

export function parseTransferRequest(body: unknown): TransferRequestInput {
  const reader = new BodyReader();
  const object = reader.object(compactJson(body ?? null), 'body') ?? {};
  // `assetId` and `connectorId` come from older EDC clients: tolerated, the agreement names the asset and provider.
  reader.onlyKeys(object, ['@id', '@type', 'protocol', 'counterPartyAddress', 'counterPartyId', 'connectorId', 'contractId', 'assetId', 'transferType', 'dataDestination', 'callbackAddresses', 'privateProperties'], '');
  reader.type(object, ['TransferRequest'], '');
  const id = reader.id(object, '@id', '', false);
  const protocol = reader.string(object, 'protocol', '', { required: true, max: 128 });
  if (protocol !== undefined && !(DSP_2025_1_PROTOCOLS as readonly string[]).includes(protocol)) reader.fail('protocol', `must be ${DSP_2025_1_PROTOCOLS.map((p) => `"${p}"`).join(' or ')}`);
  const counterPartyAddress = reader.string(object, 'counterPartyAddress', '', { required: true, max: 2048 });
  if (counterPartyAddress !== undefined && !isHttpUrl(counterPartyAddress)) reader.fail('counterPartyAddress', 'must be an http(s) URL');
  const counterPartyId = reader.string(object, 'counterPartyId', '', { max: 512 });
  if (counterPartyId !== undefined && !/^did:[a-z0-9]+:\S+$/.test(counterPartyId)) reader.fail('counterPartyId', 'must be a DID');
  const contractId = reader.string(object, 'contractId', '', { required: true, max: 256 });
  const transferType = reader.string(object, 'transferType', '', { required: true, max: 256 });
  reader.string(object, 'assetId', '', { max: 256 });
  reader.string(object, 'connectorId', '', { max: 512 });
  let dataDestination: DspDataAddress | undefined;
  const destination = reader.openObject(object, 'dataDestination', '');
  if (destination) dataDestination = destinationOf(reader, destination);
  if (transferType?.toUpperCase().endsWith('-PUSH') && !destination) reader.fail('dataDestination', `is required for ${transferType}`);
  let callbackAddresses: JsonObject[] = [];
  if (object.callbackAddresses !== undefined && object.callbackAddresses !== null) {
    const list = Array.isArray(object.callbackAddresses) ? object.callbackAddresses : [object.callbackAddresses];
    if (list.length > 10 || !list.every(isObject)) reader.fail('callbackAddresses', 'must be at most 10 CallbackAddress objects');
    else callbackAddresses = list as JsonObject[];
  }
  const privateProperties = reader.openObject(object, 'privateProperties', '') ?? {};
  reader.done();
  return { id, protocol: protocol!, counterPartyAddress: counterPartyAddress!.replace(/\/+$/, ''), counterPartyId, contractId: contractId!, transferType: transferType!, dataDestination, callbackAddresses, privateProperties };
}

/** `{"@type": "SuspendTransfer" | "TerminateTransfer", "reason": "..."}`; the body is optional. */
export function parseReason(body: unknown, type: 'SuspendTransfer' | 'TerminateTransfer'): string | undefined {
  if (body === undefined || body === null || body === '' || (isObject(body) && Object.keys(body).length === 0)) return undefined;
  const reader = new BodyReader();
  const object = reader.object(compactJson(body), 'body') ?? {};
  reader.onlyKeys(object, ['@type', 'reason'], '');
  reader.type(object, [type], '');
  const reason = reader.string(object, 'reason', '', { max: 2000 });
  reader.done();
  return reason;
}
