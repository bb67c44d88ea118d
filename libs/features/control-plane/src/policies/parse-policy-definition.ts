import { BodyReader } from '../common/body-reader';
import { compactJson, JsonObject } from '../common/json-ld';
import { readOdrlPolicy } from './parse-odrl-policy';

export interface PolicyDefinitionInput {
  id?: string;
  policy: JsonObject;
  privateProperties: JsonObject;
}

/** Reads a PolicyDefinition body ({"@id", policy, privateProperties}). */
export function parsePolicyDefinition(body: unknown): PolicyDefinitionInput {
  const reader = new BodyReader();
  const object = reader.object(compactJson(body ?? null), 'body') ?? {};
  reader.onlyKeys(object, ['@id', '@type', 'policy', 'privateProperties', 'createdAt'], '');
  reader.type(object, ['PolicyDefinition'], '');
  const id = reader.id(object, '@id', '', false);
  const policy = readOdrlPolicy(reader, object.policy, 'policy');
  const privateProperties = reader.openObject(object, 'privateProperties', '') ?? {};
  reader.done();
  return { id, policy: policy!, privateProperties };
}
