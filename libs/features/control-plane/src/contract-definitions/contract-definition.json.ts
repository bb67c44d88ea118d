import { criterionToJson } from '../common/criterion';
import { withContext } from '../common/json-ld';
import { ContractDefinition } from './contract-definition';

/** Compact JSON-LD of a contract definition. */
export function contractDefinitionToJson(definition: ContractDefinition) {
  return withContext({
    '@id': definition.id,
    '@type': 'ContractDefinition',
    accessPolicyId: definition.accessPolicyId,
    contractPolicyId: definition.contractPolicyId,
    assetsSelector: definition.assetsSelector.map(criterionToJson),
    privateProperties: definition.privateProperties,
    createdAt: definition.createdAt.getTime(),
  });
}

export const CONTRACT_DEFINITION_REQUEST_EXAMPLE = {
  '@context': ['https://w3id.org/edc/connector/management/v2'],
  '@id': 'weather-offer',
  '@type': 'ContractDefinition',
  accessPolicyId: 'member-policy',
  contractPolicyId: 'member-policy',
  assetsSelector: [{ '@type': 'Criterion', operandLeft: 'id', operator: '=', operandRight: 'asset-1' }],
};

export const CONTRACT_DEFINITION_EXAMPLE = { ...CONTRACT_DEFINITION_REQUEST_EXAMPLE, privateProperties: {}, createdAt: 1767268800000 };
