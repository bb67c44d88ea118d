import { createHash } from 'crypto';

/** A DSP 2025-1 DataAddress as DPS messages carry it. */
export interface DspDataAddress {
  '@type': 'DataAddress';
  endpointType: string;
  endpoint?: string;
  endpointProperties?: { '@type': 'EndpointProperty'; name: string; value: string }[];
}

/**
 * Adds the `@type`s the DSP schema requires and the DPS spec's own examples leave out (see specs README), so
 * a control plane that follows the examples is understood; nothing else changes.
 */
export function withDataAddressTypes(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  return {
    '@type': 'DataAddress',
    ...record,
    ...(Array.isArray(record.endpointProperties)
      ? { endpointProperties: record.endpointProperties.map((p) => (p && typeof p === 'object' && !Array.isArray(p) ? { '@type': 'EndpointProperty', ...p } : p)) }
      : {}),
  };
}

export function endpointProperty(address: DspDataAddress, name: string): string | undefined {
  return address.endpointProperties?.find((p) => p.name.toLowerCase() === name.toLowerCase())?.value;
}

/** SecretStore key of a flow's push destination (flow ids may hold characters secret keys do not allow). */
export function destinationSecretKey(flowId: string): string {
  return `push-destination:${createHash('sha256').update(flowId).digest('hex').slice(0, 40)}`;
}
