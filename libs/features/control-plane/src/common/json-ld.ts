import { ValidationException } from '@dsaas/model';

/** The one `@context` of management API bodies (EDC connector management context v2). */
export const MANAGEMENT_CONTEXT = 'https://w3id.org/edc/connector/management/v2';
export const EDC_NAMESPACE = 'https://w3id.org/edc/v0.0.1/ns/';
export const ODRL_NAMESPACE = 'http://www.w3.org/ns/odrl/2/';

// Portals send compact JSON against the management context; older clients prefix terms (`edc:name`) or send
// full IRIs. Both mean the same term, so we strip these prefixes instead of running a JSON-LD processor.
const PREFIXES = [EDC_NAMESPACE, 'edc:', ODRL_NAMESPACE, 'odrl:'];

/** Deeper bodies than this are refused (a recursion bomb, not data anyone publishes). */
export const MAX_JSON_DEPTH = 32;

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** `edc:name`, `https://w3id.org/edc/v0.0.1/ns/name` and `name` are one term: `name`. */
export function compactTerm(term: string): string {
  for (const prefix of PREFIXES) {
    if (term.startsWith(prefix) && term.length > prefix.length) return term.slice(prefix.length);
  }
  return term;
}

/**
 * Compact form of a JSON-LD-ish body: known prefixes stripped from keys and from `@type` values, `{"@value": x}`
 * unwrapped to x, `@context` dropped. Two keys that compact to the same term are an error.
 */
export function compactJson(value: unknown, path = '', depth = 0): Json {
  if (depth > MAX_JSON_DEPTH) throw new ValidationException('The request body is nested too deeply', [`${path || 'body'} is nested deeper than ${MAX_JSON_DEPTH} levels`]);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ValidationException('The request is invalid', [`${path} must be a finite number`]);
    return value;
  }
  if (Array.isArray(value)) return value.map((item, index) => compactJson(item, `${path}[${index}]`, depth + 1));
  if (typeof value !== 'object') throw new ValidationException('The request is invalid', [`${path} is not JSON`]);
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  if (keys.length === 1 && keys[0] === '@value') return compactJson(source['@value'], path, depth + 1);
  const result: JsonObject = {};
  for (const key of keys) {
    if (key === '@context') continue;
    const term = compactTerm(key);
    const childPath = path ? `${path}.${term}` : term;
    if (Object.prototype.hasOwnProperty.call(result, term)) {
      throw new ValidationException('The request is invalid', [`${childPath} is given twice (prefixed and unprefixed)`]);
    }
    const child = source[key];
    result[term] = key === '@type' && typeof child === 'string' ? compactTerm(child) : compactJson(child, childPath, depth + 1);
  }
  return result;
}

/** A compact response document: `@context` first, as EDC answers. */
export function withContext<T extends object>(document: T): { '@context': string[] } & T {
  return { '@context': [MANAGEMENT_CONTEXT], ...document };
}
