import { BodyReader } from './body-reader';
import { Criterion, readCriteria } from './criterion';
import { compactJson, Json } from './json-ld';

export const DEFAULT_QUERY_LIMIT = 50;
export const MAX_QUERY_LIMIT = 1000;

/** Paging, sorting and filtering of a `POST .../request` query (EDC QuerySpec). */
export interface QuerySpec {
  offset: number;
  limit: number;
  sortField?: string;
  sortOrder: 'ASC' | 'DESC';
  filterExpression: Criterion[];
}

export const QUERY_SPEC_EXAMPLE = {
  '@context': ['https://w3id.org/edc/connector/management/v2'],
  '@type': 'QuerySpec',
  offset: 0,
  limit: 50,
  sortOrder: 'ASC',
  sortField: 'createdAt',
  filterExpression: [{ operandLeft: 'properties.contenttype', operator: '=', operandRight: 'application/json' }],
};

function integer(reader: BodyReader, value: Json | undefined, path: string, min: number, max: number, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    reader.fail(path, `must be an integer from ${min} to ${max}`);
    return fallback;
  }
  return value;
}

/** No body, an empty body or a QuerySpec: portals send all three. Anything malformed is a 400. */
export function parseQuerySpec(body: unknown): QuerySpec {
  const spec: QuerySpec = { offset: 0, limit: DEFAULT_QUERY_LIMIT, sortOrder: 'ASC', filterExpression: [] };
  if (body === undefined || body === null || body === '') return spec;
  const reader = new BodyReader();
  const object = reader.object(compactJson(body), 'body');
  if (object) {
    reader.onlyKeys(object, ['@type', 'offset', 'limit', 'sortOrder', 'sortField', 'filterExpression'], '');
    reader.type(object, ['QuerySpec'], '');
    spec.offset = integer(reader, object.offset, 'offset', 0, 1_000_000, 0);
    spec.limit = integer(reader, object.limit, 'limit', 1, MAX_QUERY_LIMIT, DEFAULT_QUERY_LIMIT);
    const order = reader.string(object, 'sortOrder', '', { max: 4 });
    if (order !== undefined) {
      if (order.toUpperCase() !== 'ASC' && order.toUpperCase() !== 'DESC') reader.fail('sortOrder', 'must be "ASC" or "DESC"');
      else spec.sortOrder = order.toUpperCase() as 'ASC' | 'DESC';
    }
    spec.sortField = reader.string(object, 'sortField', '', { max: 512 });
    spec.filterExpression = readCriteria(reader, object.filterExpression, 'filterExpression');
  }
  reader.done('The query is invalid');
  return spec;
}
