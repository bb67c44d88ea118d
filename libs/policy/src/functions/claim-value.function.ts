import { compareValues } from '../evaluation/compare-values';
import { OdrlOperator } from '../model/odrl-policy';
import { ConstraintFunction } from './constraint-function';
import { credentialSubjects, validCredentialsOfType } from './credentials';

const SET_OPERATORS: ReadonlySet<OdrlOperator> = new Set(['isAnyOf', 'isAllOf', 'isNoneOf']);

function walk(roots: unknown[], path: string[]): unknown[] {
  let current = roots;
  for (const segment of path) {
    current = current
      .flatMap((value) => (Array.isArray(value) ? value : [value]))
      .filter((value): value is Record<string, unknown> => !!value && typeof value === 'object' && Object.hasOwn(value, segment))
      .map((value) => value[segment]);
  }
  return current.filter((value) => value !== undefined && value !== null);
}

/**
 * `claim.<CredentialType>.<path>`: the values at `<path>` in the subjects of the agent's valid credentials
 * of that type; `claim.<key>.<path>` reads other claims. No value → the constraint fails (closed).
 * Several values: set operators see their union, neq must hold for every value, the others for at least one.
 */
export const claimValueOperand: ConstraintFunction = (operator, rightOperand, context, leftOperand) => {
  if (operator === 'isA' || operator === 'term-lteq') return { allowed: false, reason: `operator ${operator} is not supported for ${leftOperand}` };
  const [head, ...path] = leftOperand.slice('claim.'.length).split('.');
  const claims = context.agent.claims ?? {};
  const credentials = validCredentialsOfType(claims, head, context.now);
  const values = credentials.length
    ? walk(credentials.flatMap(credentialSubjects), path)
    : head !== 'vc' && Object.hasOwn(claims, head)
      ? walk([claims[head]], path)
      : [];
  if (values.length === 0) return { allowed: false, reason: `${context.agent.id} has no claim ${leftOperand.slice('claim.'.length)}` };
  const holds =
    values.length === 1
      ? compareValues(operator, values[0], rightOperand)
      : SET_OPERATORS.has(operator)
        ? compareValues(operator, values.flat(), rightOperand)
        : operator === 'neq'
          ? values.every((value) => compareValues(operator, value, rightOperand))
          : values.some((value) => compareValues(operator, value, rightOperand));
  return holds ? true : { allowed: false, reason: `${leftOperand} (${JSON.stringify(values.length === 1 ? values[0] : values)}) is not ${operator} ${JSON.stringify(rightOperand)}` };
};
