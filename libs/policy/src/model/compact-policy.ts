import { OdrlPolicy, OdrlRule } from './odrl-policy';

export interface CompactPolicyOptions {
  /**
   * Leave out empty permission/prohibition/obligation lists. DSP 2025-1 schemas demand at least one item
   * where the list is present; the management API shows all three, empty or not (the default).
   */
  omitEmptyRules?: boolean;
}

function compactRule(rule: OdrlRule): Record<string, unknown> {
  return {
    action: rule.action,
    ...(rule.target !== undefined ? { target: rule.target } : {}),
    ...(rule.assigner !== undefined ? { assigner: rule.assigner } : {}),
    ...(rule.assignee !== undefined ? { assignee: rule.assignee } : {}),
    constraint: rule.constraint,
    ...(rule.duty?.length ? { duty: rule.duty.map(compactRule) } : {}),
  };
}

/** A normalised policy as compact JSON-LD with unprefixed keys (`action`/`operator` plain strings, lists as arrays). */
export function compactPolicy(policy: OdrlPolicy, options: CompactPolicyOptions = {}): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  if (policy['@id'] !== undefined) result['@id'] = policy['@id'];
  result['@type'] = policy['@type'];
  for (const key of ['profile', 'timestamp', 'target', 'assigner', 'assignee'] as const) {
    if (policy[key] !== undefined) result[key] = policy[key];
  }
  for (const key of ['permission', 'prohibition', 'obligation'] as const) {
    if (!options.omitEmptyRules || policy[key].length) result[key] = policy[key].map(compactRule);
  }
  return result;
}
