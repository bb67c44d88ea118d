import { DomainException } from '@dsaas/model';
import { BodyReader } from '../common/body-reader';
import { criterionSql } from '../common/criteria-sql';
import { Criterion, readCriteria } from '../common/criterion';
import { compactJson, JsonObject } from '../common/json-ld';
import { assetField } from '../assets/asset-fields';

export interface ContractDefinitionInput {
  id?: string;
  accessPolicyId: string;
  contractPolicyId: string;
  assetsSelector: Criterion[];
  privateProperties: JsonObject;
}

/** Reads a ContractDefinition body ({"@id", accessPolicyId, contractPolicyId, assetsSelector[], privateProperties}). */
export function parseContractDefinition(body: unknown): ContractDefinitionInput {
  const reader = new BodyReader();
  const object = reader.object(compactJson(body ?? null), 'body') ?? {};
  reader.onlyKeys(object, ['@id', '@type', 'accessPolicyId', 'contractPolicyId', 'assetsSelector', 'privateProperties', 'createdAt'], '');
  reader.type(object, ['ContractDefinition'], '');
  const id = reader.id(object, '@id', '', false);
  const accessPolicyId = reader.id(object, 'accessPolicyId', '', true);
  const contractPolicyId = reader.id(object, 'contractPolicyId', '', true);
  const assetsSelector = readCriteria(reader, object.assetsSelector, 'assetsSelector');
  // A selector that could not run as a query is refused now, not when a catalog is requested.
  assetsSelector.forEach((criterion, index) => {
    try {
      criterionSql(criterion, assetField, () => ':x');
    } catch (error) {
      reader.fail(`assetsSelector[${index}]`, error instanceof DomainException ? `is invalid: ${(error.extensions.errors as string[] | undefined)?.join('; ') ?? error.message}` : 'is invalid');
    }
  });
  const privateProperties = reader.openObject(object, 'privateProperties', '') ?? {};
  reader.done();
  return { id, accessPolicyId: accessPolicyId!, contractPolicyId: contractPolicyId!, assetsSelector, privateProperties };
}
