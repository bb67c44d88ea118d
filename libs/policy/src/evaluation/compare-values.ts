import { OdrlOperator } from '../model/odrl-policy';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && NUMBER.test(value.trim())) return Number(value.trim());
  return undefined;
}

function asTime(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === 'string' && ISO_DATE.test(value.trim())) {
    const time = Date.parse(value.trim());
    return Number.isNaN(time) ? undefined : time;
  }
  return undefined;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return typeof value === 'bigint' ? value.toString() : String(value);
}

/** Three-way comparison of two single values; undefined when they are not comparable (no common kind). */
function order(left: unknown, right: unknown): number | undefined {
  const [leftNumber, rightNumber] = [asNumber(left), asNumber(right)];
  if (leftNumber !== undefined && rightNumber !== undefined) return Math.sign(leftNumber - rightNumber);
  const [leftTime, rightTime] = [asTime(left), asTime(right)];
  if (leftTime !== undefined && rightTime !== undefined) return Math.sign(leftTime - rightTime);
  return undefined;
}

function same(left: unknown, right: unknown): boolean {
  const ordered = order(left, right);
  if (ordered !== undefined) return ordered === 0;
  if (left === null || left === undefined || right === null || right === undefined) return left === right;
  return canonical(left) === canonical(right);
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
const contains = (list: unknown[], item: unknown): boolean => list.some((member) => same(member, item));

/**
 * Applies an ODRL operator to the value a left operand resolved to (`actual`) and the constraint's
 * right operand. Numbers (and numeric strings) compare numerically, ISO 8601 dates (and Date objects)
 * chronologically, anything else by exact value; ordering operators on values with no common kind are false.
 * Lists: eq = same members (order ignored); set operators treat a single value as a one-element list.
 */
export function compareValues(operator: OdrlOperator, actual: unknown, rightOperand: unknown): boolean {
  switch (operator) {
    case 'eq':
    case 'neq': {
      const equal =
        Array.isArray(actual) || Array.isArray(rightOperand)
          ? asList(actual).every((item) => contains(asList(rightOperand), item)) &&
            asList(rightOperand).every((item) => contains(asList(actual), item))
          : same(actual, rightOperand);
      return operator === 'eq' ? equal : !equal;
    }
    case 'gt':
    case 'gteq':
    case 'lt':
    case 'lteq': {
      if (Array.isArray(actual) || Array.isArray(rightOperand)) return false;
      const ordered = order(actual, rightOperand);
      if (ordered === undefined) return false;
      return { gt: ordered > 0, gteq: ordered >= 0, lt: ordered < 0, lteq: ordered <= 0 }[operator];
    }
    case 'isAnyOf':
      return asList(actual).some((item) => contains(asList(rightOperand), item));
    case 'isAllOf':
      return asList(rightOperand).every((item) => contains(asList(actual), item));
    case 'isNoneOf':
      return !asList(actual).some((item) => contains(asList(rightOperand), item));
    case 'hasPart':
      if (typeof actual === 'string') {
        return asList(rightOperand).every((part) => typeof part === 'string' && actual.includes(part));
      }
      return Array.isArray(actual) && asList(rightOperand).every((part) => contains(actual, part));
    case 'isPartOf':
      if (typeof rightOperand === 'string') {
        return asList(actual).every((part) => typeof part === 'string' && rightOperand.includes(part));
      }
      return Array.isArray(rightOperand) && asList(actual).every((part) => contains(rightOperand, part));
    default:
      // isA and term-lteq need a vocabulary this library does not have: never hold.
      return false;
  }
}

export { asTime as toEpochMillis };
