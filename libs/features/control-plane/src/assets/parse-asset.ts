import { isHttpUrl } from '@dsaas/model';
import { BodyReader } from '../common/body-reader';
import { compactJson, JsonObject } from '../common/json-ld';

export interface AssetInput {
  id?: string;
  properties: JsonObject;
  privateProperties: JsonObject;
  dataAddress: JsonObject;
}

const BOOLEAN_FLAGS = ['proxyPath', 'proxyQueryParams', 'proxyMethod', 'proxyBody'];

/** Reads a DataAddress: `type` required, known fields checked, other fields kept (data addresses are open). */
export function readDataAddress(reader: BodyReader, value: unknown, path: string): JsonObject | undefined {
  const object = reader.object(value, path);
  if (!object) return undefined;
  reader.type(object, ['DataAddress'], path);
  reader.string(object, 'type', path, { required: true, max: 256 });
  const baseUrl = reader.string(object, 'baseUrl', path, { max: 2048 });
  if (baseUrl !== undefined && !isHttpUrl(baseUrl)) reader.fail(`${path}.baseUrl`, 'must be an http(s) URL');
  const result: JsonObject = {};
  for (const [key, field] of Object.entries(object)) {
    if (key === '@type') continue;
    if (BOOLEAN_FLAGS.includes(key)) {
      // EDC sends these as the strings "true"/"false"; both forms are kept as strings, as EDC answers them.
      if (field !== true && field !== false && field !== 'true' && field !== 'false') reader.fail(`${path}.${key}`, 'must be "true" or "false"');
      result[key] = String(field);
      continue;
    }
    result[key] = field;
  }
  return result;
}

/** Reads an Asset body ({"@id", properties, privateProperties, dataAddress}). */
export function parseAsset(body: unknown): AssetInput {
  const reader = new BodyReader();
  const object = reader.object(compactJson(body ?? null), 'body') ?? {};
  // createdAt is read-only; it is tolerated so a fetched asset can be sent back as an update.
  reader.onlyKeys(object, ['@id', '@type', 'properties', 'privateProperties', 'dataAddress', 'createdAt'], '');
  reader.type(object, ['Asset'], '');
  const id = reader.id(object, '@id', '', false);
  const properties = reader.openObject(object, 'properties', '') ?? {};
  const privateProperties = reader.openObject(object, 'privateProperties', '') ?? {};
  const dataAddress = object.dataAddress === undefined ? reader.fail('dataAddress', 'is required') : readDataAddress(reader, object.dataAddress, 'dataAddress');
  reader.done();
  return { id, properties, privateProperties, dataAddress: dataAddress! };
}
