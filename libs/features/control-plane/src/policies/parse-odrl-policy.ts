import { BodyReader, isObject } from '../common/body-reader';
import { compactTerm, Json, JsonObject } from '../common/json-ld';

/** ODRL constraint operators the policy engine evaluates. */
export const ODRL_OPERATORS = ['eq', 'neq', 'gt', 'gteq', 'lt', 'lteq', 'isA', 'hasPart', 'isPartOf', 'isAllOf', 'isAnyOf', 'isNoneOf'] as const;
export const POLICY_TYPES = ['Set', 'Offer', 'Agreement', 'Policy'] as const;

const RULE_KINDS = ['permission', 'prohibition', 'obligation'] as const;
const POLICY_KEYS = ['@id', '@type', ...RULE_KINDS, 'assigner', 'assignee', 'target', 'profile', 'inheritFrom', 'conflict'];
const RULE_KEYS = ['@id', '@type', 'uid', 'action', 'constraint', 'duty', 'consequence', 'remedy', 'target', 'assigner', 'assignee'];
const NESTED_RULES = ['duty', 'consequence', 'remedy'] as const;
const ATOMIC_KEYS = ['@id', '@type', 'leftOperand', 'operator', 'rightOperand', 'rightOperandReference', 'unit', 'dataType', 'status'];
const LOGICAL_OPERATORS = ['and', 'or', 'xone', 'andSequence'] as const;
const TERM_FIELDS = ['assigner', 'assignee', 'target'];
const MAX_ENTRIES = 100;

/** `"use"`, `"odrl:use"` and `{"@id": "odrl:use"}` are the same term: `use`. */
function readTerm(reader: BodyReader, value: Json | undefined, path: string, required: boolean): string | undefined {
  if (value === undefined || value === null) return required ? reader.fail(path, 'is required') : undefined;
  if (typeof value === 'string' && value.trim() !== '' && value.length <= 1024) return compactTerm(value);
  if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).every((k) => k === '@id' || k === '@type')) return compactTerm(value['@id']);
  return reader.fail(path, 'must be a term (a string or {"@id": ...})');
}

function list(reader: BodyReader, value: Json | undefined, path: string): Json[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  if (items.length > MAX_ENTRIES) {
    reader.fail(path, `must have at most ${MAX_ENTRIES} entries`);
    return [];
  }
  return items;
}

function readConstraint(reader: BodyReader, value: Json, path: string): JsonObject | undefined {
  const object = reader.object(value, path);
  if (!object) return undefined;
  const logical = LOGICAL_OPERATORS.filter((op) => op in object);
  if (logical.length > 0) {
    if (logical.length > 1) return reader.fail(path, `must use only one of ${LOGICAL_OPERATORS.join(', ')}`);
    reader.onlyKeys(object, ['@id', '@type', logical[0]], path);
    const operands = list(reader, object[logical[0]], `${path}.${logical[0]}`).map((c, i) => readConstraint(reader, c, `${path}.${logical[0]}[${i}]`));
    if (operands.length === 0) reader.fail(`${path}.${logical[0]}`, 'must list at least one constraint');
    return { [logical[0]]: operands.filter((c): c is JsonObject => c !== undefined) };
  }
  reader.onlyKeys(object, ATOMIC_KEYS, path);
  const leftOperand = readTerm(reader, object.leftOperand, `${path}.leftOperand`, true);
  const operator = readTerm(reader, object.operator, `${path}.operator`, true);
  if (operator !== undefined && !(ODRL_OPERATORS as readonly string[]).includes(operator)) reader.fail(`${path}.operator`, `must be one of ${ODRL_OPERATORS.join(', ')}`);
  if (!('rightOperand' in object) && !('rightOperandReference' in object)) reader.fail(`${path}.rightOperand`, 'is required');
  const result: JsonObject = { leftOperand: leftOperand ?? '', operator: operator ?? '' };
  for (const key of ['rightOperand', 'rightOperandReference', 'unit', 'dataType', 'status']) if (key in object) result[key] = object[key];
  return result;
}

function readRule(reader: BodyReader, value: Json, path: string): JsonObject | undefined {
  const object = reader.object(value, path);
  if (!object) return undefined;
  reader.onlyKeys(object, RULE_KEYS, path);
  const result: JsonObject = {};
  if (typeof object['@id'] === 'string') result['@id'] = object['@id'];
  result.action = readTerm(reader, object.action, `${path}.action`, true) ?? '';
  for (const key of TERM_FIELDS) {
    const term = readTerm(reader, object[key], `${path}.${key}`, false);
    if (term !== undefined) result[key] = term;
  }
  const constraints = list(reader, object.constraint, `${path}.constraint`).map((c, i) => readConstraint(reader, c, `${path}.constraint[${i}]`));
  if (constraints.length) result.constraint = constraints.filter((c): c is JsonObject => c !== undefined);
  for (const key of NESTED_RULES) {
    const rules = list(reader, object[key], `${path}.${key}`).map((r, i) => readRule(reader, r, `${path}.${key}[${i}]`));
    if (rules.length) result[key] = rules.filter((r): r is JsonObject => r !== undefined);
  }
  return result;
}

/**
 * Reads an ODRL policy into its compact form: `@type` Set unless given, rules and constraints always arrays,
 * `action`, `operator` and `leftOperand` plain strings. Errors go to the reader with their path.
 */
export function readOdrlPolicy(reader: BodyReader, value: Json | undefined, path: string): JsonObject | undefined {
  if (value === undefined || value === null) return reader.fail(path, 'is required');
  const object = reader.object(value, path);
  if (!object) return undefined;
  reader.onlyKeys(object, POLICY_KEYS, path);
  reader.type(object, POLICY_TYPES, path);
  const result: JsonObject = { '@type': typeof object['@type'] === 'string' ? object['@type'] : 'Set' };
  if (typeof object['@id'] === 'string') result['@id'] = object['@id'];
  for (const kind of RULE_KINDS) {
    result[kind] = list(reader, object[kind], `${path}.${kind}`)
      .map((rule, index) => readRule(reader, rule, `${path}.${kind}[${index}]`))
      .filter((rule): rule is JsonObject => rule !== undefined);
  }
  for (const key of TERM_FIELDS) {
    const term = readTerm(reader, object[key], `${path}.${key}`, false);
    if (term !== undefined) result[key] = term;
  }
  for (const key of ['profile', 'inheritFrom', 'conflict']) if (object[key] !== undefined) result[key] = object[key];
  return result;
}
