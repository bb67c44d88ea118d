import { isHttpUrl } from '@dsaas/model';
import { BodyReader } from '../common/body-reader';
import { compactJson, JsonObject } from '../common/json-ld';

export interface DataPlaneInput {
  id?: string;
  url: string;
  allowedSourceTypes: string[];
  allowedTransferTypes: string[];
  destinationProvisionTypes: string[];
  properties: JsonObject;
}

/** Reads a DataPlaneInstance body ({"@id", url, allowedSourceTypes[], allowedTransferTypes[], ...}). */
export function parseDataPlane(body: unknown): DataPlaneInput {
  const reader = new BodyReader();
  const object = reader.object(compactJson(body ?? null), 'body') ?? {};
  reader.onlyKeys(object, ['@id', '@type', 'url', 'allowedSourceTypes', 'allowedTransferTypes', 'destinationProvisionTypes', 'properties', 'state', 'createdAt', 'stateTimestamp', 'lastActive'], '');
  reader.type(object, ['DataPlaneInstance', 'DataPlane'], '');
  const id = reader.id(object, '@id', '', false);
  const url = reader.string(object, 'url', '', { required: true, max: 2048 });
  if (url !== undefined && !isHttpUrl(url)) reader.fail('url', 'must be an http(s) URL');
  const allowedSourceTypes = reader.stringArray(object, 'allowedSourceTypes', '', { required: true }) ?? [];
  const allowedTransferTypes = reader.stringArray(object, 'allowedTransferTypes', '', { required: true }) ?? [];
  const destinationProvisionTypes = reader.stringArray(object, 'destinationProvisionTypes', '') ?? [];
  if (allowedTransferTypes.length === 0 && object.allowedTransferTypes !== undefined) reader.fail('allowedTransferTypes', 'must name at least one transfer type');
  const properties = reader.openObject(object, 'properties', '') ?? {};
  reader.done();
  return { id, url: url!, allowedSourceTypes, allowedTransferTypes, destinationProvisionTypes, properties };
}
