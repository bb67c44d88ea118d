import { withContext } from '../common/json-ld';
import { ContractNegotiation, theirPid } from './contract-negotiation';

/** Compact JSON-LD of a contract negotiation (EDC ContractNegotiation). */
export function contractNegotiationToJson(negotiation: ContractNegotiation) {
  return withContext({
    '@id': negotiation.id,
    '@type': 'ContractNegotiation',
    type: negotiation.role,
    protocol: negotiation.protocol,
    state: negotiation.state,
    stateTimestamp: negotiation.updatedAt.getTime(),
    counterPartyId: negotiation.counterPartyId,
    counterPartyAddress: negotiation.counterPartyAddress,
    correlationId: theirPid(negotiation) ?? null,
    assetId: negotiation.assetId,
    ...(negotiation.agreementId ? { contractAgreementId: negotiation.agreementId } : {}),
    callbackAddresses: negotiation.callbackAddresses,
    ...(negotiation.errorDetail ? { errorDetail: negotiation.errorDetail } : {}),
    ...(negotiation.reason && negotiation.reason !== negotiation.errorDetail ? { reason: negotiation.reason } : {}),
    createdAt: negotiation.createdAt.getTime(),
  });
}

export const CONTRACT_NEGOTIATION_EXAMPLE = {
  '@context': ['https://w3id.org/edc/connector/management/v2'],
  '@id': 'urn:uuid:5b2f8c1e-2a47-4a8e-9d0c-6f1e7a3b9c21',
  '@type': 'ContractNegotiation',
  type: 'CONSUMER',
  protocol: 'http-dsp-profile-2025-1',
  state: 'FINALIZED',
  stateTimestamp: 1767268803000,
  counterPartyId: 'did:web:provider.example.com:bravo',
  counterPartyAddress: 'https://provider.example.com/api/dsp/bravo/2025-1',
  correlationId: 'urn:uuid:0c4e1d2b-7f3a-4b6e-8a9d-1e2f3a4b5c6d',
  assetId: 'asset-1',
  contractAgreementId: 'urn:uuid:3d6b2a3c-1c1f-4f53-b3f4-2f0e8c1d9a77',
  callbackAddresses: [],
  createdAt: 1767268800000,
};

export function negotiationStateToJson(negotiation: ContractNegotiation) {
  return withContext({ '@type': 'NegotiationState', state: negotiation.state });
}

export const NEGOTIATION_STATE_EXAMPLE = { '@context': ['https://w3id.org/edc/connector/management/v2'], '@type': 'NegotiationState', state: 'FINALIZED' };
