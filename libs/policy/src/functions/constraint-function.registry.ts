import { stripTermPrefix } from '../model/normalize-policy';
import { POLICY_SCOPES, PolicyScope } from '../model/policy-scope';
import { ConstraintFunction } from './constraint-function';

interface Binding {
  scopes: ReadonlySet<PolicyScope>;
  fn: ConstraintFunction;
}

export type ScopeSelection = PolicyScope | readonly PolicyScope[] | '*';

/**
 * Left operand → function, per scope. An operand ending in `*` registers a prefix (`claim.*` serves
 * `claim.MembershipCredential.level`); an exact registration wins over a prefix, a longer prefix over a shorter one,
 * and a later registration for the same operand and scope replaces the earlier one.
 */
export class ConstraintFunctionRegistry {
  private readonly exact = new Map<string, Binding[]>();
  private readonly prefixes = new Map<string, Binding[]>();

  register(leftOperand: string, scopes: ScopeSelection, fn: ConstraintFunction): void {
    const selected = new Set<PolicyScope>(scopes === '*' ? POLICY_SCOPES : typeof scopes === 'string' ? [scopes] : scopes);
    const operand = stripTermPrefix(leftOperand.trim());
    const isPrefix = operand.endsWith('*');
    const table = isPrefix ? this.prefixes : this.exact;
    const key = isPrefix ? operand.slice(0, -1) : operand;
    // Newest first, so a re-registration shadows the previous function in the scopes it names.
    table.set(key, [{ scopes: selected, fn }, ...(table.get(key) ?? [])]);
  }

  resolve(leftOperand: string, scope: PolicyScope): ConstraintFunction | undefined {
    const inScope = (bindings: Binding[] | undefined) => bindings?.find((binding) => binding.scopes.has(scope))?.fn;
    const exact = inScope(this.exact.get(leftOperand));
    if (exact) return exact;
    const candidates = [...this.prefixes.keys()].filter((prefix) => leftOperand.startsWith(prefix)).sort((a, b) => b.length - a.length);
    for (const prefix of candidates) {
      const fn = inScope(this.prefixes.get(prefix));
      if (fn) return fn;
    }
    return undefined;
  }
}
