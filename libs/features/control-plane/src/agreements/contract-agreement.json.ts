import { withContext } from '../common/json-ld';
import { ContractAgreement } from './contract-agreement';

/** Compact JSON-LD of a contract agreement (EDC ContractAgreement: `contractSigningDate` in epoch seconds). */
export function contractAgreementToJson(agreement: ContractAgreement) {
  const { '@context': _context, ...policy } = agreement.policy;
  return withContext({
    '@id': agreement.id,
    '@type': 'ContractAgreement',
    providerId: agreement.providerId,
    consumerId: agreement.consumerId,
    assetId: agreement.assetId,
    contractSigningDate: Math.floor(agreement.signingDate.getTime() / 1000),
    policy,
    createdAt: agreement.createdAt.getTime(),
  });
}

export const CONTRACT_AGREEMENT_EXAMPLE = {
  '@context': ['https://w3id.org/edc/connector/management/v2'],
  '@id': 'urn:uuid:3d6b2a3c-1c1f-4f53-b3f4-2f0e8c1d9a77',
  '@type': 'ContractAgreement',
  providerId: 'did:web:provider.example.com:bravo',
  consumerId: 'did:web:consumer.example.com:acme',
  assetId: 'asset-1',
  contractSigningDate: 1767268802,
  policy: {
    '@id': 'urn:uuid:3d6b2a3c-1c1f-4f53-b3f4-2f0e8c1d9a77',
    '@type': 'Agreement',
    target: 'asset-1',
    assigner: 'did:web:provider.example.com:bravo',
    assignee: 'did:web:consumer.example.com:acme',
    timestamp: '2026-01-01T12:00:02.000Z',
    permission: [{ action: 'use', constraint: [{ leftOperand: 'MembershipCredential', operator: 'eq', rightOperand: 'active' }] }],
  },
  createdAt: 1767268802000,
};
