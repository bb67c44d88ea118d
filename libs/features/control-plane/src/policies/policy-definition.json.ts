import { withContext } from '../common/json-ld';
import { PolicyDefinition } from './policy-definition';

/** Compact JSON-LD of a policy definition. */
export function policyDefinitionToJson(definition: PolicyDefinition) {
  return withContext({
    '@id': definition.id,
    '@type': 'PolicyDefinition',
    policy: definition.policy,
    privateProperties: definition.privateProperties,
    createdAt: definition.createdAt.getTime(),
  });
}

export const POLICY_DEFINITION_REQUEST_EXAMPLE = {
  '@context': ['https://w3id.org/edc/connector/management/v2'],
  '@id': 'member-policy',
  '@type': 'PolicyDefinition',
  policy: {
    '@type': 'Set',
    permission: [{ action: 'use', constraint: [{ leftOperand: 'MembershipCredential', operator: 'eq', rightOperand: 'active' }] }],
    prohibition: [],
    obligation: [],
  },
};

export const POLICY_DEFINITION_EXAMPLE = { ...POLICY_DEFINITION_REQUEST_EXAMPLE, privateProperties: {}, createdAt: 1767268800000 };
