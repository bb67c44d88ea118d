/** A DSP 2025-1 DataAddress (what TransferStartMessage / TransferRequestMessage and DPS messages carry). */
export interface DspDataAddress {
  '@type': 'DataAddress';
  endpointType: string;
  endpoint?: string;
  endpointProperties?: { '@type': 'EndpointProperty'; name: string; value: string }[];
}

/** Endpoint properties that carry credentials: kept in the SecretStore, never in a row or a log line. */
export const SECRET_ENDPOINT_PROPERTIES = ['authorization', 'refreshToken', 'authCode', 'secret', 'token', 'password', 'apiKey'];

export function isSecretProperty(name: string): boolean {
  return SECRET_ENDPOINT_PROPERTIES.some((secret) => secret.toLowerCase() === name.toLowerCase());
}

/**
 * A data address as the schema wants it: the DPS examples (and data planes following them) leave out the
 * `@type`s the DSP schema requires; they are added here, nothing else is changed.
 */
export function normalizeDataAddress(value: unknown): DspDataAddress | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.endpointType !== 'string') return undefined;
  const properties = Array.isArray(record.endpointProperties)
    ? record.endpointProperties
        .filter((p): p is { name: unknown; value: unknown } => !!p && typeof p === 'object')
        .map((p) => ({ '@type': 'EndpointProperty' as const, name: String(p.name), value: String(p.value) }))
    : [];
  return {
    '@type': 'DataAddress',
    endpointType: record.endpointType,
    ...(typeof record.endpoint === 'string' ? { endpoint: record.endpoint } : {}),
    ...(properties.length ? { endpointProperties: properties } : {}),
  };
}

/** The address with its secret properties' values replaced by a note where they are (for rows and answers to non-owners). */
export function redactDataAddress(address: DspDataAddress): DspDataAddress {
  return {
    ...address,
    ...(address.endpointProperties
      ? { endpointProperties: address.endpointProperties.map((p) => (isSecretProperty(p.name) ? { ...p, value: '(secret)' } : p)) }
      : {}),
  };
}

/** EDC's flat form of a data address (`{type, endpoint, authorization, authType, ...}`), as the management API answers EDRs. */
export function flattenDataAddress(address: DspDataAddress): Record<string, string> {
  const flat: Record<string, string> = { type: address.endpointType, endpointType: address.endpointType };
  if (address.endpoint) flat.endpoint = address.endpoint;
  for (const property of address.endpointProperties ?? []) flat[property.name] = property.value;
  return flat;
}
