import { normalizePolicy } from './normalize-policy';
import { isAtomicConstraint, logicalOperatorOf, LogicalConstraint, OdrlConstraint, OdrlRule } from './odrl-policy';

// The comparison is textual on a canonical form; key order is fixed by construction below.
const text = (value: unknown): string => JSON.stringify(value);
const sortedTexts = (values: unknown[]): unknown[] => [...values].sort((a, b) => text(a).localeCompare(text(b)));

/** Scalars compare as text: DSP carries right operands as strings, the management API may send numbers. */
function canonicalValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalValue);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value as object).sort().map((key) => [key, canonicalValue((value as Record<string, unknown>)[key])]));
  }
  return value === null || value === undefined ? null : String(value);
}

function canonicalConstraint(constraint: OdrlConstraint): unknown {
  if (isAtomicConstraint(constraint)) {
    return { leftOperand: constraint.leftOperand, operator: constraint.operator, rightOperand: canonicalValue(constraint.rightOperand) };
  }
  const operator = logicalOperatorOf(constraint as LogicalConstraint);
  const operands = ((constraint as LogicalConstraint)[operator] ?? []).map(canonicalConstraint);
  // and/or/xone are commutative; andSequence keeps its order.
  return { [operator]: operator === 'andSequence' ? operands : sortedTexts(operands) };
}

function canonicalRule(rule: OdrlRule): unknown {
  return {
    action: rule.action,
    constraint: sortedTexts(rule.constraint.map(canonicalConstraint)),
    duty: sortedTexts((rule.duty ?? []).map(canonicalRule)),
  };
}

/**
 * The part of a policy that decides what is allowed: its rules and constraints, normalised, in a fixed order.
 * `@id`, `@type`, `target`, `assigner`, `assignee`, `profile` and `timestamp` are left out (an offer, the
 * consumer's request for it and the resulting agreement differ in exactly those).
 */
export function canonicalPolicy(policy: unknown): unknown {
  const normalized = normalizePolicy(policy);
  return {
    permission: sortedTexts(normalized.permission.map(canonicalRule)),
    prohibition: sortedTexts(normalized.prohibition.map(canonicalRule)),
    obligation: sortedTexts(normalized.obligation.map(canonicalRule)),
  };
}

/**
 * Whether two policies say the same (e.g. the offer in a consumer's ContractRequest vs the offer the provider
 * made). A policy that does not normalise equals nothing.
 */
export function policyEquals(a: unknown, b: unknown): boolean {
  try {
    return text(canonicalPolicy(a)) === text(canonicalPolicy(b));
  } catch {
    return false;
  }
}
