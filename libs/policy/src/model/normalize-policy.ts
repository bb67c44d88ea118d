import { InvalidPolicyException } from '../exceptions/invalid-policy.exception';
import {
  AtomicConstraint,
  LOGICAL_OPERATORS,
  LogicalConstraint,
  LogicalOperator,
  ODRL_OPERATORS,
  OdrlConstraint,
  OdrlOperator,
  OdrlPolicy,
  OdrlPolicyType,
  OdrlRule,
} from './odrl-policy';

// Namespaces a compact or half-expanded document may still carry; the terms are the same without them.
const TERM_PREFIXES = ['http://www.w3.org/ns/odrl/2/', 'https://w3id.org/edc/v0.0.1/ns/', 'odrl:', 'edc:'];

// Operator spellings seen in older EDC versions and hand-written documents.
const OPERATOR_ALIASES: Record<string, OdrlOperator> = { geq: 'gteq', leq: 'lteq', in: 'isAnyOf' };

type JsonObject = Record<string, unknown>;

/** `odrl:leftOperand` / full ODRL IRI / `edc:` → the bare term. */
export function stripTermPrefix(term: string): string {
  for (const prefix of TERM_PREFIXES) if (term.startsWith(prefix)) return term.slice(prefix.length);
  return term;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** The value of `name` under any of its spellings (`permission`, `odrl:permission`, the ODRL IRI). */
function property(source: JsonObject, name: string): unknown {
  if (name in source) return source[name];
  for (const key of Object.keys(source)) if (stripTermPrefix(key) === name) return source[key];
  return undefined;
}

/** Unwraps JSON-LD value objects: `[{"@value": x}]`, `{"@id": x}`, `{"@list": [...]}`. */
function unwrap(value: unknown): unknown {
  if (Array.isArray(value) && value.length === 1 && isObject(value[0]) && ('@value' in value[0] || '@id' in value[0])) {
    return unwrap(value[0]);
  }
  if (isObject(value)) {
    if ('@value' in value) return value['@value'];
    if ('@list' in value) return unwrap(value['@list']);
    const keys = Object.keys(value).filter((key) => key !== '@type');
    if (keys.length === 1 && keys[0] === '@id') return value['@id'];
  }
  if (Array.isArray(value)) return value.map(unwrap);
  return value;
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (isObject(value) && Array.isArray(value['@list'])) return value['@list'] as unknown[];
  return Array.isArray(value) ? value : [value];
}

function term(value: unknown, path: string, what: string): string {
  let candidate = unwrap(value);
  // Older EDC documents write `"action": {"type": "USE"}`.
  if (isObject(candidate)) candidate = unwrap(property(candidate, 'type') ?? candidate['@type']);
  if (typeof candidate !== 'string' || candidate.trim() === '') {
    throw new InvalidPolicyException(`${what} must be a string or {"@id": ...}`, path);
  }
  return stripTermPrefix(candidate.trim());
}

function optionalIdentifier(source: JsonObject, name: string, path: string): string | undefined {
  const value = property(source, name);
  if (value === undefined || value === null) return undefined;
  const unwrapped = unwrap(value);
  if (isObject(unwrapped) && typeof unwrapped.uid === 'string') return unwrapped.uid;
  if (typeof unwrapped !== 'string') throw new InvalidPolicyException(`${name} must be a string or {"@id": ...}`, `${path}.${name}`);
  return unwrapped;
}

function operatorOf(value: unknown, path: string): OdrlOperator {
  const raw = term(value, path, 'operator');
  const known = ODRL_OPERATORS.find((candidate) => candidate.toLowerCase() === raw.toLowerCase());
  const resolved = known ?? OPERATOR_ALIASES[raw.toLowerCase()];
  if (!resolved) throw new InvalidPolicyException(`unknown operator '${raw}'`, path);
  return resolved;
}

function normalizeConstraint(value: unknown, path: string): OdrlConstraint {
  if (!isObject(value)) throw new InvalidPolicyException('a constraint must be an object', path);
  const logical = LOGICAL_OPERATORS.filter((operator) => property(value, operator) !== undefined);
  if (logical.length > 1) throw new InvalidPolicyException(`a logical constraint has exactly one of ${LOGICAL_OPERATORS.join(', ')}`, path);
  if (logical.length === 1) {
    const operator: LogicalOperator = logical[0];
    const operands = asList(property(value, operator)).map((item, index) => normalizeConstraint(item, `${path}.${operator}[${index}]`));
    if (operands.length === 0) throw new InvalidPolicyException(`'${operator}' needs at least one constraint`, path);
    return { [operator]: operands } as LogicalConstraint;
  }
  const leftOperand = property(value, 'leftOperand');
  const operator = property(value, 'operator');
  const rightOperand = property(value, 'rightOperand') ?? property(value, 'rightOperandReference');
  if (leftOperand === undefined) throw new InvalidPolicyException('leftOperand is required', path);
  if (operator === undefined) throw new InvalidPolicyException('operator is required', path);
  if (rightOperand === undefined) throw new InvalidPolicyException('rightOperand is required', path);
  const constraint: AtomicConstraint = {
    leftOperand: term(leftOperand, `${path}.leftOperand`, 'leftOperand'),
    operator: operatorOf(operator, `${path}.operator`),
    rightOperand: unwrap(rightOperand),
  };
  return constraint;
}

function normalizeAction(value: unknown, path: string): string {
  if (value === undefined || value === null) throw new InvalidPolicyException('action is required', path);
  const action = term(Array.isArray(value) && value.length === 1 ? value[0] : value, path, 'action');
  // EDC 0.x wrote actions upper-case ("USE"); ODRL terms are lower-case.
  return action === action.toUpperCase() ? action.toLowerCase() : action;
}

function normalizeRule(value: unknown, path: string): OdrlRule {
  if (!isObject(value)) throw new InvalidPolicyException('a rule must be an object', path);
  const rule: OdrlRule = {
    action: normalizeAction(property(value, 'action'), `${path}.action`),
    constraint: asList(property(value, 'constraint')).map((item, index) => normalizeConstraint(item, `${path}.constraint[${index}]`)),
  };
  const duties = asList(property(value, 'duty'));
  if (duties.length) rule.duty = duties.map((item, index) => normalizeRule(item, `${path}.duty[${index}]`));
  for (const name of ['target', 'assigner', 'assignee'] as const) {
    const identifier = optionalIdentifier(value, name, path);
    if (identifier !== undefined) rule[name] = identifier;
  }
  return rule;
}

function policyType(value: unknown): OdrlPolicyType {
  const types = asList(unwrap(value)).filter((item): item is string => typeof item === 'string').map(stripTermPrefix);
  if (types.includes('Agreement')) return 'Agreement';
  if (types.includes('Offer')) return 'Offer';
  if (types.length === 0 || types.includes('Set') || types.includes('Policy')) return 'Set';
  throw new InvalidPolicyException(`unknown policy type '${types.join(', ')}' (expected Set, Offer or Agreement)`, '@type');
}

/**
 * Brings a policy in any of the shapes the control plane receives (EDC management API compact JSON-LD,
 * DSP 2025-1 compact form, `odrl:`-prefixed keys, `{"@id": "odrl:eq"}` values, single objects where arrays
 * are meant, an EDC `PolicyDefinition` wrapper) into one form. Throws InvalidPolicyException (400).
 */
export function normalizePolicy(input: unknown): OdrlPolicy {
  if (!isObject(input)) throw new InvalidPolicyException('a policy must be a JSON object', '$');
  const wrapped = property(input, 'policy');
  if (isObject(wrapped) && property(input, 'permission') === undefined && property(input, 'prohibition') === undefined) {
    return normalizePolicy(wrapped);
  }
  const policy: OdrlPolicy = {
    '@type': policyType(input['@type'] ?? property(input, 'type')),
    permission: asList(property(input, 'permission')).map((item, index) => normalizeRule(item, `permission[${index}]`)),
    prohibition: asList(property(input, 'prohibition')).map((item, index) => normalizeRule(item, `prohibition[${index}]`)),
    obligation: asList(property(input, 'obligation')).map((item, index) => normalizeRule(item, `obligation[${index}]`)),
  };
  if (typeof input['@id'] === 'string') policy['@id'] = input['@id'];
  for (const name of ['target', 'assigner', 'assignee'] as const) {
    const identifier = optionalIdentifier(input, name, '$');
    if (identifier !== undefined) policy[name] = identifier;
  }
  const profile = unwrap(property(input, 'profile'));
  if (typeof profile === 'string' || (Array.isArray(profile) && profile.every((item) => typeof item === 'string'))) {
    policy.profile = profile as string | string[];
  }
  const timestamp = unwrap(property(input, 'timestamp'));
  if (typeof timestamp === 'string') policy.timestamp = timestamp;
  return policy;
}
