/**
 * Where a policy is evaluated. Each scope evaluates a different policy of a contract definition:
 * `catalog` the access policy (may this agent see the offer), `contract.negotiation` the contract policy
 * (may this agent get an agreement), `transfer.process` the agreement's policy (is the agreement still valid).
 */
export const POLICY_SCOPES = ['catalog', 'contract.negotiation', 'transfer.process'] as const;
export type PolicyScope = (typeof POLICY_SCOPES)[number];

export function isPolicyScope(value: unknown): value is PolicyScope {
  return typeof value === 'string' && (POLICY_SCOPES as readonly string[]).includes(value);
}
