import { withContext } from '../common/json-ld';
import { ParticipantContext } from './participant-context';

/** Compact JSON-LD of a participant context; secrets are never part of it. */
export function participantContextToJson(context: ParticipantContext) {
  return withContext({
    '@id': context.participantContextId,
    '@type': 'ParticipantContext',
    identity: context.identity,
    properties: context.properties,
    state: context.state,
    createdAt: context.createdAt.getTime(),
    lastModified: context.updatedAt.getTime(),
  });
}

export const PARTICIPANT_CONTEXT_REQUEST_EXAMPLE = {
  '@context': ['https://w3id.org/edc/connector/management/v2'],
  '@id': 'acme',
  identity: 'did:web:identity.example.com:acme',
  properties: {
    dspAddress: 'https://cp.example.com/api/dsp/acme/2025-1',
    credentialServiceUrl: 'https://identity.example.com/api/credentials/acme',
  },
  secrets: { 'sts-client-secret': 'change-me' },
};

export const PARTICIPANT_CONTEXT_EXAMPLE = {
  '@context': ['https://w3id.org/edc/connector/management/v2'],
  '@id': 'acme',
  '@type': 'ParticipantContext',
  identity: 'did:web:identity.example.com:acme',
  properties: PARTICIPANT_CONTEXT_REQUEST_EXAMPLE.properties,
  state: 'ACTIVATED',
  createdAt: 1767268800000,
  lastModified: 1767268800000,
};
