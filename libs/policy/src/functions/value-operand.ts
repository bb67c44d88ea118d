import { compareValues } from '../evaluation/compare-values';
import { OdrlOperator } from '../model/odrl-policy';
import { ResolvedPolicyContext } from '../model/policy-context';
import { ConstraintFunction } from './constraint-function';

const UNSUPPORTED: ReadonlySet<OdrlOperator> = new Set(['isA', 'term-lteq']);

/** A left operand that stands for one value of the context, compared with the right operand by `compareValues`. */
export function valueOperand(resolve: (context: ResolvedPolicyContext, leftOperand: string) => unknown): ConstraintFunction {
  return (operator, rightOperand, context, leftOperand) => {
    if (UNSUPPORTED.has(operator)) return { allowed: false, reason: `operator ${operator} is not supported for ${leftOperand}` };
    const actual = resolve(context, leftOperand);
    if (compareValues(operator, actual, rightOperand)) return true;
    return { allowed: false, reason: `${leftOperand} (${JSON.stringify(actual)}) is not ${operator} ${JSON.stringify(rightOperand)}` };
  };
}
