import { ValidationException } from '@dsaas/model';
import { Json, JsonObject } from './json-ld';

/** Ids name resources in URL paths: printable, no slash, bounded. */
const RESOURCE_ID = /^[^\s/\u0000-\u001f\u007f][^/\u0000-\u001f\u007f]{0,255}$/;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a compacted JSON body of an open shape (JSON-LD with free `properties`), collecting every problem with
 * its path. `done()` throws one ValidationException (400) listing them all, so nothing is stored.
 */
export class BodyReader {
  readonly errors: string[] = [];

  fail(path: string, message: string): undefined {
    this.errors.push(`${path} ${message}`);
    return undefined;
  }

  object(value: unknown, path: string): JsonObject | undefined {
    if (!isObject(value)) return this.fail(path, 'must be a JSON object');
    return value;
  }

  /** Unknown keys are errors: a misspelt field must not be dropped silently. */
  onlyKeys(object: JsonObject, allowed: readonly string[], path: string): void {
    for (const key of Object.keys(object)) {
      if (!allowed.includes(key)) this.fail(path ? `${path}.${key}` : key, 'is not a known field');
    }
  }

  /** `@type`, when given, must be one of the expected terms. */
  type(object: JsonObject, expected: readonly string[], path: string): void {
    const type = object['@type'];
    if (type === undefined) return;
    if (typeof type !== 'string' || !expected.includes(type)) this.fail(path ? `${path}.@type` : '@type', `must be ${expected.map((t) => `"${t}"`).join(' or ')}`);
  }

  string(object: JsonObject, key: string, path: string, options: { required?: boolean; max?: number } = {}): string | undefined {
    const value = object[key];
    const at = path ? `${path}.${key}` : key;
    if (value === undefined || value === null) return options.required ? this.fail(at, 'is required') : undefined;
    if (typeof value !== 'string') return this.fail(at, 'must be a string');
    if (options.required && value.trim() === '') return this.fail(at, 'must not be empty');
    if (value.length > (options.max ?? 4096)) return this.fail(at, `must be at most ${options.max ?? 4096} characters`);
    return value;
  }

  id(object: JsonObject, key: string, path: string, required: boolean): string | undefined {
    const value = this.string(object, key, path, { required, max: 256 });
    if (value !== undefined && !RESOURCE_ID.test(value)) {
      return this.fail(path ? `${path}.${key}` : key, 'must be 1-256 printable characters without "/" or whitespace at the start');
    }
    return value;
  }

  /** An optional free-form object (properties, privateProperties): any JSON values. */
  openObject(object: JsonObject, key: string, path: string): JsonObject | undefined {
    const value = object[key];
    if (value === undefined || value === null) return undefined;
    return this.object(value, path ? `${path}.${key}` : key);
  }

  stringArray(object: JsonObject, key: string, path: string, options: { required?: boolean; max?: number } = {}): string[] | undefined {
    const at = path ? `${path}.${key}` : key;
    let value: Json | undefined = object[key];
    if (value === undefined || value === null) return options.required ? this.fail(at, 'is required') : undefined;
    if (typeof value === 'string') value = [value];
    if (!Array.isArray(value)) return this.fail(at, 'must be an array of strings');
    if (value.length > (options.max ?? 100)) return this.fail(at, `must have at most ${options.max ?? 100} entries`);
    if (!value.every((v) => typeof v === 'string' && v.length > 0 && v.length <= 512)) return this.fail(at, 'must be an array of non-empty strings');
    return value as string[];
  }

  done(message = 'The request is invalid'): void {
    if (this.errors.length) throw new ValidationException(message, this.errors.slice(0, 50));
  }
}

/** The path id and the body's `@id` must agree when both are given. */
export function assertSameId(pathId: string | undefined, bodyId: string | undefined): void {
  if (pathId !== undefined && bodyId !== undefined && pathId !== bodyId) {
    throw new ValidationException('The request is invalid', [`@id "${bodyId}" does not match the id "${pathId}" in the path`]);
  }
}
