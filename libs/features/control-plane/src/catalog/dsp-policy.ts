import { compactPolicy, normalizePolicy, OdrlPolicyType } from '@dsaas/policy';

/** DSP carries right operands as strings, objects or arrays: numbers and booleans become strings. */
function stringifyScalars(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stringifyScalars);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node as Record<string, unknown>).map(([key, value]) => [
      key,
      key === 'rightOperand' && (typeof value === 'number' || typeof value === 'boolean') ? String(value) : stringifyScalars(value),
    ]),
  );
}

export interface DspPolicyOptions {
  id: string;
  type: OdrlPolicyType;
  target?: string;
  assigner?: string;
  assignee?: string;
  timestamp?: string;
}

/**
 * A stored policy as DSP 2025-1 shows it: compact, `@id`/`@type` set, no empty rule lists (the schema wants at
 * least one item where a list is present) and at least a permission or a prohibition: a policy without rules
 * allows everything, which is what an unconstrained `use` permission says too.
 */
export function toDspPolicy(policy: unknown, options: DspPolicyOptions): Record<string, unknown> {
  const normalized = normalizePolicy(policy);
  if (!normalized.permission.length && !normalized.prohibition.length) normalized.permission = [{ action: 'use', constraint: [] }];
  const compact = compactPolicy({ ...normalized, '@id': options.id, '@type': options.type }, { omitEmptyRules: true });
  // The parties and the target are those of this message, never whatever the stored policy carried.
  for (const key of ['target', 'assigner', 'assignee', 'timestamp'] as const) {
    if (options[key] !== undefined) compact[key] = options[key];
    else delete compact[key];
  }
  const dsp = stringifyScalars(compact) as Record<string, unknown>;
  // Empty constraint lists say nothing; leaving them out keeps messages small and like the spec's examples.
  const prune = (rules: unknown) => {
    if (!Array.isArray(rules)) return;
    for (const rule of rules as Record<string, unknown>[]) {
      if (Array.isArray(rule.constraint) && rule.constraint.length === 0) delete rule.constraint;
      prune(rule.duty);
    }
  };
  prune(dsp.permission);
  prune(dsp.prohibition);
  prune(dsp.obligation);
  return { '@id': dsp['@id'], '@type': dsp['@type'], ...dsp };
}
