import { BodyReader } from './body-reader';
import { compactTerm, Json, JsonObject } from './json-ld';

/** Operators of QuerySpec filters and asset selectors (EDC's set, plus `contains` for array values). */
export const CRITERION_OPERATORS = ['=', '!=', '<', '>', '<=', '>=', 'in', 'like', 'ilike', 'contains'] as const;
export type CriterionOperator = (typeof CRITERION_OPERATORS)[number];

/** One filter condition: `operandLeft operator operandRight`, as EDC's Criterion. */
export interface Criterion {
  operandLeft: string;
  operator: CriterionOperator;
  operandRight: Json;
}

/** Reads one Criterion (compacted JSON); errors go to the reader. */
export function readCriterion(reader: BodyReader, value: Json, path: string): Criterion | undefined {
  const object = reader.object(value, path);
  if (!object) return undefined;
  reader.onlyKeys(object, ['@type', 'operandLeft', 'operator', 'operandRight'], path);
  reader.type(object, ['Criterion'], path);
  const operandLeft = reader.string(object, 'operandLeft', path, { required: true, max: 512 });
  const rawOperator = reader.string(object, 'operator', path, { required: true, max: 16 });
  const operator = rawOperator?.toLowerCase() as CriterionOperator | undefined;
  if (operator !== undefined && !CRITERION_OPERATORS.includes(operator)) {
    reader.fail(`${path}.operator`, `must be one of ${CRITERION_OPERATORS.join(', ')}`);
  }
  if (!('operandRight' in object)) reader.fail(`${path}.operandRight`, 'is required');
  if (operandLeft === undefined || operator === undefined || !CRITERION_OPERATORS.includes(operator)) return undefined;
  return { operandLeft: compactTerm(operandLeft), operator, operandRight: object.operandRight ?? null };
}

/** A list of criteria; a single object is taken as a list of one, as JSON-LD compaction produces it. */
export function readCriteria(reader: BodyReader, value: Json | undefined, path: string, max = 50): Criterion[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  if (list.length > max) {
    reader.fail(path, `must have at most ${max} entries`);
    return [];
  }
  return list.map((item, index) => readCriterion(reader, item, `${path}[${index}]`)).filter((c): c is Criterion => c !== undefined);
}

/** The compact JSON-LD form of a criterion in responses. */
export function criterionToJson(criterion: Criterion): JsonObject {
  return { '@type': 'Criterion', operandLeft: criterion.operandLeft, operator: criterion.operator, operandRight: criterion.operandRight };
}
