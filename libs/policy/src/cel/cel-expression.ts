import { PolicyScope } from '../model/policy-scope';

/** A CEL expression as registered through the management API (`POST .../celexpressions`). */
export interface CelExpressionDefinition {
  id: string;
  /** Constraints with this left operand are decided by the expression (in the listed scopes). */
  leftOperand: string;
  expression: string;
  description?: string;
  scopes: PolicyScope[];
}

/** The variables an expression sees. */
export interface CelEvaluationInput {
  ctx: { agent: { id: string; claims: unknown }; agreement: unknown };
  now: Date;
  this: { leftOperand: string; operator: string; rightOperand: unknown };
}
