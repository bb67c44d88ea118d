import { isHttpUrl } from '@dsaas/model';
import { InvalidDataAddressException } from './invalid-data-address.exception';

const EDC_NAMESPACE = 'https://w3id.org/edc/v0.0.1/ns/';

/** Source types this data plane reads. */
export const HTTP_SOURCE_TYPE = 'HttpData';
export const NATS_SOURCE_TYPE = 'NATS';
export const SOURCE_TYPES = [HTTP_SOURCE_TYPE, NATS_SOURCE_TYPE];

/** An HTTP source (EDC HttpData data address). */
export interface HttpSource {
  type: typeof HTTP_SOURCE_TYPE;
  baseUrl: string;
  path?: string;
  queryParams?: string;
  method: string;
  contentType?: string;
  proxyPath: boolean;
  proxyQueryParams: boolean;
  proxyMethod: boolean;
  proxyBody: boolean;
  /** Header that carries the credential read from the owning context's SecretStore under `secretName`. */
  authKey: string;
  secretName?: string;
  /** Fixed extra headers (`header:X-Name` members). */
  headers: Record<string, string>;
}

/** A NATS subject that delivers until the flow ends (streaming). */
export interface NatsSource {
  type: typeof NATS_SOURCE_TYPE;
  subject: string;
  servers?: string;
}

export type SourceAddress = HttpSource | NatsSource;

/** The data address with EDC-namespaced keys (`edc:x`, `https://w3id.org/edc/v0.0.1/ns/x`) made plain, string values only. */
export function plainDataAddress(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const plain: Record<string, string> = {};
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    const name = key.startsWith(EDC_NAMESPACE) ? key.slice(EDC_NAMESPACE.length) : key.startsWith('edc:') ? key.slice(4) : key;
    const scalar = Array.isArray(member) && member.length === 1 ? member[0] : member;
    const text = scalar && typeof scalar === 'object' && '@value' in scalar ? (scalar as { '@value': unknown })['@value'] : scalar;
    if (typeof text === 'string' || typeof text === 'number' || typeof text === 'boolean') plain[name] = String(text);
  }
  return plain;
}

function flag(value: string | undefined): boolean {
  return value === 'true';
}

/** Reads a source data address; InvalidDataAddressException names what is wrong. */
export function parseSourceAddress(address: Record<string, string>): SourceAddress {
  const type = address.type ?? address['@type'];
  if (type === HTTP_SOURCE_TYPE) {
    if (!address.baseUrl || !isHttpUrl(address.baseUrl)) throw new InvalidDataAddressException('the HttpData source needs an http(s) baseUrl');
    if (address.authCode !== undefined) {
      // A credential in clear would end up in our rows and logs: only secret names are accepted.
      throw new InvalidDataAddressException('authCode is not accepted in a data address: keep the credential in the SecretStore and name it with secretName');
    }
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(address)) if (key.startsWith('header:')) headers[key.slice('header:'.length)] = value;
    return {
      type: HTTP_SOURCE_TYPE,
      baseUrl: address.baseUrl,
      path: address.path,
      queryParams: address.queryParams,
      method: (address.method ?? 'GET').toUpperCase(),
      contentType: address.contentType,
      proxyPath: flag(address.proxyPath),
      proxyQueryParams: flag(address.proxyQueryParams),
      proxyMethod: flag(address.proxyMethod),
      proxyBody: flag(address.proxyBody),
      authKey: address.authKey ?? 'Authorization',
      secretName: address.secretName,
      headers,
    };
  }
  if (type === NATS_SOURCE_TYPE) {
    if (!address.subject || /[\s]/.test(address.subject)) throw new InvalidDataAddressException('the NATS source needs a subject');
    return { type: NATS_SOURCE_TYPE, subject: address.subject, servers: address.servers };
  }
  throw new InvalidDataAddressException(`source type '${type ?? '(none)'}' is not supported (supported: ${SOURCE_TYPES.join(', ')})`);
}
