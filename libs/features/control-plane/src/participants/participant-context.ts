import type { JsonObject } from '../common/json-ld';

/** A hosted participant in the control plane. */
export interface ParticipantContext {
  participantContextId: string;
  /** The participant's DID. */
  identity: string;
  /** Configuration: `dspAddress`, `credentialServiceUrl` and anything else the platform passes along. */
  properties: JsonObject;
  state: 'ACTIVATED';
  createdAt: Date;
  updatedAt: Date;
}

/** Typed views of well-known configuration properties. */
export function dspAddressOf(context: ParticipantContext): string | undefined {
  const value = context.properties.dspAddress;
  return typeof value === 'string' ? value : undefined;
}

export function credentialServiceUrlOf(context: ParticipantContext): string | undefined {
  const value = context.properties.credentialServiceUrl;
  return typeof value === 'string' ? value : undefined;
}
