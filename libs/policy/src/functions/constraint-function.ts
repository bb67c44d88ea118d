import { OdrlOperator } from '../model/odrl-policy';
import { ConstraintVerdict } from '../model/policy-decision';
import { ResolvedPolicyContext } from '../model/policy-context';

/**
 * Decides one atomic constraint for a left operand. `leftOperand` is passed so one function can serve
 * a family of operands registered with a trailing `*` (e.g. `claim.*`). Throwing counts as "cannot decide":
 * the policy is denied.
 */
export type ConstraintFunction = (
  operator: OdrlOperator,
  rightOperand: unknown,
  context: ResolvedPolicyContext,
  leftOperand: string,
) => ConstraintVerdict;
