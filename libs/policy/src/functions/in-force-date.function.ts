import { compareValues, toEpochMillis } from '../evaluation/compare-values';
import { PolicyAgreement } from '../model/policy-context';
import { ConstraintFunction } from './constraint-function';

const RELATIVE = /^contract[Aa]greement\s*\+\s*(-?\d+)\s*(s|m|h|d)$/;
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Epoch seconds (EDC's unit; values above 1e11 are taken as milliseconds), numeric strings, ISO strings, Dates. */
export function signingTime(agreement: PolicyAgreement): number | undefined {
  const raw = agreement.signingDate ?? agreement.contractSigningDate;
  if (raw === undefined || raw === null) return undefined;
  const numeric = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : undefined;
  if (numeric !== undefined) return numeric > 1e11 ? numeric : numeric * 1000;
  return toEpochMillis(raw);
}

/**
 * EDC's `inForceDate`: the right operand is an ISO 8601 instant or `contractAgreement+<n>(s|m|h|d)`
 * (relative to the agreement's signing date); the constraint holds when `now <operator> that instant`,
 * so `gteq contractAgreement+0s` starts and `lteq contractAgreement+30d` ends the agreement's term.
 * Before an agreement exists (catalog, negotiation) the signing date is "now".
 */
export const inForceDateOperand: ConstraintFunction = (operator, rightOperand, context) => {
  if (!['eq', 'neq', 'gt', 'gteq', 'lt', 'lteq'].includes(operator)) {
    return { allowed: false, reason: `inForceDate does not support operator ${operator}` };
  }
  const text = typeof rightOperand === 'string' ? rightOperand.trim() : '';
  let bound: number | undefined;
  const relative = RELATIVE.exec(text);
  if (relative) {
    const signedAt = context.agreement ? signingTime(context.agreement) : context.now.getTime();
    if (signedAt === undefined) return { allowed: false, reason: `agreement ${context.agreement?.id} has no readable signing date` };
    bound = signedAt + Number(relative[1]) * UNIT_MS[relative[2]];
  } else {
    bound = toEpochMillis(text);
  }
  if (bound === undefined) {
    return { allowed: false, reason: `inForceDate right operand ${JSON.stringify(rightOperand)} is neither an ISO 8601 date nor contractAgreement+<n>(s|m|h|d)` };
  }
  const boundIso = new Date(bound).toISOString();
  if (compareValues(operator, context.now, new Date(bound))) return true;
  const subject = context.agreement ? `agreement ${context.agreement.id}` : 'the contract';
  const state = (operator === 'lteq' || operator === 'lt') ? 'has expired' : 'is not yet in force';
  return { allowed: false, reason: `${subject} ${state}: now (${context.now.toISOString()}) is not ${operator} ${boundIso}` };
};
