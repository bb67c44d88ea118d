/** ODRL operators this library understands; `isA` and `term-lteq` are accepted (DSP lists them) but never hold. */
export const ODRL_OPERATORS = [
  'eq',
  'neq',
  'gt',
  'gteq',
  'lt',
  'lteq',
  'isAnyOf',
  'isAllOf',
  'isNoneOf',
  'hasPart',
  'isPartOf',
  'isA',
  'term-lteq',
] as const;
export type OdrlOperator = (typeof ODRL_OPERATORS)[number];

export const LOGICAL_OPERATORS = ['and', 'andSequence', 'or', 'xone'] as const;
export type LogicalOperator = (typeof LOGICAL_OPERATORS)[number];

export type OdrlPolicyType = 'Set' | 'Offer' | 'Agreement';

export interface AtomicConstraint {
  leftOperand: string;
  operator: OdrlOperator;
  /** A string, number, boolean, object or array, as sent; `{"@id"}` / `{"@value"}` wrappers are unwrapped. */
  rightOperand: unknown;
}

/** Exactly one of the keys is present (normalisation guarantees it). */
export type LogicalConstraint = { [K in LogicalOperator]?: OdrlConstraint[] };

export type OdrlConstraint = AtomicConstraint | LogicalConstraint;

export interface OdrlRule {
  action: string;
  constraint: OdrlConstraint[];
  /** Duties attached to a permission (ODRL `duty`): evaluated like obligations of that permission. */
  duty?: OdrlRule[];
  target?: string;
  assigner?: string;
  assignee?: string;
}

/** A policy in the one normalised compact form every function of this library works on. */
export interface OdrlPolicy {
  '@id'?: string;
  '@type': OdrlPolicyType;
  permission: OdrlRule[];
  prohibition: OdrlRule[];
  obligation: OdrlRule[];
  target?: string;
  assigner?: string;
  assignee?: string;
  profile?: string | string[];
  timestamp?: string;
}

export function isAtomicConstraint(constraint: OdrlConstraint): constraint is AtomicConstraint {
  return typeof (constraint as AtomicConstraint).leftOperand === 'string';
}

export function logicalOperatorOf(constraint: LogicalConstraint): LogicalOperator {
  return LOGICAL_OPERATORS.find((key) => Array.isArray(constraint[key])) as LogicalOperator;
}
