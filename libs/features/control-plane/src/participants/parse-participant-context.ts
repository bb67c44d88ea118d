import { assertParticipantContextId, assertSecretKey, assertSecretValue } from '@dsaas/secrets';
import { DomainException, ValidationException, isHttpUrl } from '@dsaas/model';
import { BodyReader } from '../common/body-reader';
import { compactJson, JsonObject } from '../common/json-ld';

export interface ParticipantContextInput {
  participantContextId?: string;
  identity: string;
  properties: JsonObject;
  secrets: Record<string, string>;
}

const URL_PROPERTIES = ['dspAddress', 'credentialServiceUrl'];

/** Reads a ParticipantContext body ({"@id", identity, properties, secrets}). */
export function parseParticipantContext(body: unknown, idRequired: boolean): ParticipantContextInput {
  const reader = new BodyReader();
  const object = reader.object(compactJson(body ?? null), 'body') ?? {};
  reader.onlyKeys(object, ['@id', '@type', 'identity', 'properties', 'secrets'], '');
  reader.type(object, ['ParticipantContext'], '');
  const id = reader.string(object, '@id', '', { required: idRequired, max: 128 });
  if (id !== undefined) {
    try {
      assertParticipantContextId(id);
    } catch (error) {
      reader.fail('@id', error instanceof ValidationException ? `is invalid: ${error.errors.join('; ')}` : 'is invalid');
    }
  }
  const identity = reader.string(object, 'identity', '', { required: true, max: 512 });
  if (identity !== undefined && !/^did:[a-z0-9]+:\S+$/.test(identity)) reader.fail('identity', 'must be a DID');
  const properties = reader.openObject(object, 'properties', '') ?? {};
  for (const key of URL_PROPERTIES) {
    const value = properties[key];
    if (value !== undefined && (typeof value !== 'string' || !isHttpUrl(value))) reader.fail(`properties.${key}`, 'must be an http(s) URL');
  }
  const secrets: Record<string, string> = {};
  const rawSecrets = reader.openObject(object, 'secrets', '') ?? {};
  for (const [key, value] of Object.entries(rawSecrets)) {
    try {
      assertSecretKey(key);
      assertSecretValue(value);
      secrets[key] = value as string;
    } catch (error) {
      reader.fail(`secrets.${key.slice(0, 64)}`, error instanceof DomainException ? `is invalid: ${error.message}` : 'is invalid');
    }
  }
  reader.done();
  return { participantContextId: id, identity: identity!, properties, secrets };
}
