import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ValidationException } from '@dsaas/model';
import { Criterion } from './criterion';
import { Json } from './json-ld';
import { QuerySpec } from './query-spec';

/**
 * Where a filter or sort field lives: a text column, a timestamp column, or a value inside a jsonb column.
 * `expression` is SQL we wrote ourselves (column names are whitelisted by each repository's resolver); every
 * caller-supplied value, property names included, only ever reaches SQL as a bound parameter.
 */
export interface SqlField {
  kind: 'text' | 'timestamp' | 'json';
  expression: string;
}

/** Registers a bound parameter and answers its placeholder. */
export type BindParameter = (value: unknown) => string;

/** Maps a criterion's operandLeft (or a sortField) to SQL; undefined for a field that cannot be queried. */
export type FieldResolver = (field: string, bind: BindParameter) => SqlField | undefined;

/**
 * A value inside a jsonb column: `properties.a.b` is the key `a.b` when it exists as one key (property names may
 * contain dots), otherwise the nested path a → b.
 */
export function jsonField(column: string, path: string, bind: BindParameter): SqlField {
  if (path === '') return { kind: 'json', expression: column };
  return { kind: 'json', expression: `COALESCE(${column} -> ${bind(path)}, ${column} #> CAST(${bind(path.split('.'))} AS text[]))` };
}

function unknownField(field: string): never {
  throw new ValidationException('The query is invalid', [`"${field}" is not a field that can be filtered or sorted on`]);
}

function badOperand(criterion: Criterion, rule: string): never {
  throw new ValidationException('The query is invalid', [`operandRight of "${criterion.operandLeft} ${criterion.operator}" ${rule}`]);
}

function isPrimitive(value: Json): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function timestampOperand(criterion: Criterion, bind: BindParameter): string {
  const value = criterion.operandRight;
  // EDC's createdAt is epoch milliseconds; ISO strings are accepted as well.
  if (typeof value === 'number' && Number.isFinite(value)) return `to_timestamp(CAST(${bind(value)} AS double precision) / 1000.0)`;
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return `CAST(${bind(new Date(value).toISOString())} AS timestamptz)`;
  return badOperand(criterion, 'must be epoch milliseconds or an ISO 8601 date');
}

const SQL_COMPARISON: Record<string, string> = { '=': '=', '!=': '<>', '<': '<', '>': '>', '<=': '<=', '>=': '>=' };

/** One criterion as a SQL condition. */
export function criterionSql(criterion: Criterion, resolve: FieldResolver, bind: BindParameter): string {
  const field = resolve(criterion.operandLeft, bind) ?? unknownField(criterion.operandLeft);
  const { operator, operandRight: value } = criterion;
  const text = field.kind === 'json' ? `(${field.expression} #>> '{}')` : field.kind === 'timestamp' ? null : field.expression;

  if (field.kind === 'timestamp') {
    if (!(operator in SQL_COMPARISON)) badOperand(criterion, `is not supported for a date field (use ${Object.keys(SQL_COMPARISON).join(', ')})`);
    return `${field.expression} ${SQL_COMPARISON[operator]} ${timestampOperand(criterion, bind)}`;
  }
  switch (operator) {
    case '=':
    case '!=':
      if (field.kind === 'json' && value !== null && typeof value === 'object') {
        return `${field.expression} ${operator === '=' ? '=' : '<>'} CAST(${bind(JSON.stringify(value))} AS jsonb)`;
      }
      if (!isPrimitive(value)) badOperand(criterion, 'must be a string, number or boolean');
      return `${text} ${SQL_COMPARISON[operator]} ${bind(String(value))}`;
    case '<':
    case '>':
    case '<=':
    case '>=':
      if (typeof value === 'number' && field.kind === 'json') {
        // Only JSON numbers compare numerically; anything else simply does not match (never a cast error).
        return `(CASE WHEN jsonb_typeof(${field.expression}) = 'number' THEN CAST(${field.expression} AS numeric) END) ${operator} ${bind(value)}`;
      }
      if (typeof value !== 'string' && typeof value !== 'number') badOperand(criterion, 'must be a string or number');
      return `${text} ${operator} ${bind(String(value))}`;
    case 'in': {
      const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',').map((v) => v.trim()) : null;
      if (!list || list.length === 0 || list.length > 1000 || !list.every(isPrimitive)) badOperand(criterion, 'must be a non-empty list of strings or numbers');
      return `${text} = ANY(CAST(${bind(list.map(String))} AS text[]))`;
    }
    case 'like':
    case 'ilike':
      if (typeof value !== 'string') badOperand(criterion, 'must be a string pattern');
      return `${text} ${operator === 'like' ? 'LIKE' : 'ILIKE'} ${bind(value)}`;
    case 'contains':
      if (field.kind !== 'json') badOperand(criterion, 'needs a field holding a list');
      return `${field.expression} @> CAST(${bind(JSON.stringify([value]))} AS jsonb)`;
  }
}

/** A parameter binder for one query builder: `:q0`, `:q1`, ... */
export function binderFor(qb: SelectQueryBuilder<ObjectLiteral>): BindParameter {
  let next = 0;
  return (value) => {
    const name = `q${next++}`;
    qb.setParameter(name, value);
    return `:${name}`;
  };
}

/** Adds the criteria (ANDed) to the query. */
export function applyCriteria<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, criteria: Criterion[], resolve: FieldResolver, bind: BindParameter): SelectQueryBuilder<T> {
  for (const criterion of criteria) qb.andWhere(criterionSql(criterion, resolve, bind));
  return qb;
}

/** Filter, sort (then by id, so pages are stable) and page the query. */
export function applyQuerySpec<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, spec: QuerySpec, resolve: FieldResolver, idExpression: string): SelectQueryBuilder<T> {
  const bind = binderFor(qb as SelectQueryBuilder<ObjectLiteral>);
  applyCriteria(qb, spec.filterExpression, resolve, bind);
  if (spec.sortField) {
    const field = resolve(spec.sortField, bind) ?? unknownField(spec.sortField);
    qb.orderBy(field.expression, spec.sortOrder, spec.sortOrder === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST');
    qb.addOrderBy(idExpression, 'ASC');
  } else {
    qb.orderBy(idExpression, 'ASC');
  }
  return qb.offset(spec.offset).limit(spec.limit);
}
