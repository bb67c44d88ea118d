export interface PolicyDecision {
  allowed: boolean;
  /** Why the policy was denied (empty when allowed). */
  reasons: string[];
}

/** What a left-operand function answers: a plain boolean, or a verdict with the reason it failed. */
export type ConstraintVerdict = boolean | { allowed: boolean; reason?: string };
