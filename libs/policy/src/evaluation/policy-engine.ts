import { CelExpressionRegistry } from '../cel/cel-expression-registry';
import { InvalidPolicyException } from '../exceptions/invalid-policy.exception';
import { registerBuiltInFunctions } from '../functions/built-in-functions';
import { signingTime } from '../functions/in-force-date.function';
import { ConstraintFunction } from '../functions/constraint-function';
import { ConstraintFunctionRegistry, ScopeSelection } from '../functions/constraint-function.registry';
import { normalizePolicy } from '../model/normalize-policy';
import {
  AtomicConstraint,
  isAtomicConstraint,
  LogicalConstraint,
  logicalOperatorOf,
  OdrlConstraint,
  OdrlPolicy,
  OdrlRule,
} from '../model/odrl-policy';
import { PolicyAgentClaims, PolicyContext, ResolvedPolicyContext } from '../model/policy-context';
import { PolicyDecision } from '../model/policy-decision';
import { isPolicyScope, PolicyScope } from '../model/policy-scope';

/** `holds`: the constraint is satisfied; `undecided`: it could not be decided (unknown operand, error): deny. */
interface Outcome {
  holds: boolean;
  reasons: string[];
  undecided: string[];
}

export interface PolicyEngineOptions {
  /** CEL expressions deciding left operands; they take precedence over functions for the same operand. */
  celExpressions?: CelExpressionRegistry;
  /** Register the built-in left operands (default true). */
  builtIns?: boolean;
}

function describeConstraint(constraint: AtomicConstraint): string {
  return `${constraint.leftOperand} ${constraint.operator} ${JSON.stringify(constraint.rightOperand)}`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Evaluates ODRL policies in a scope. Every permission's constraints must hold, a prohibition whose
 * constraints all hold denies, obligations (and permission duties) are constraints that must hold.
 * Anything that cannot be decided (invalid policy, unknown left operand, failing function or CEL expression)
 * denies: the engine fails closed and says why.
 */
export class PolicyEngine {
  private readonly functions = new ConstraintFunctionRegistry();
  readonly celExpressions: CelExpressionRegistry;

  constructor(options: PolicyEngineOptions = {}) {
    this.celExpressions = options.celExpressions ?? new CelExpressionRegistry();
    if (options.builtIns !== false) registerBuiltInFunctions(this.functions);
  }

  /** Binds a left operand (or a prefix ending in `*`) to a function in the given scopes ('*' = all). */
  registerFunction(leftOperand: string, scopes: ScopeSelection, fn: ConstraintFunction): this {
    this.functions.register(leftOperand, scopes, fn);
    return this;
  }

  evaluate(policy: unknown, scope: PolicyScope, context: PolicyContext): PolicyDecision {
    if (!isPolicyScope(scope)) return { allowed: false, reasons: [`unknown policy scope ${String(scope)}`] };
    if (!context || !context.agent || typeof context.agent.id !== 'string') {
      return { allowed: false, reasons: ['the evaluation context has no agent'] };
    }
    let normalized: OdrlPolicy;
    try {
      normalized = normalizePolicy(policy);
    } catch (error) {
      const reason = error instanceof InvalidPolicyException ? error.message : `policy could not be read: ${errorMessage(error)}`;
      return { allowed: false, reasons: [reason] };
    }
    const resolved: ResolvedPolicyContext = {
      ...context,
      agent: { ...context.agent, claims: context.agent.claims ?? {} },
      now: context.now instanceof Date && !Number.isNaN(context.now.getTime()) ? context.now : new Date(),
    };
    const reasons: string[] = [];
    const undecided: string[] = [];

    normalized.permission.forEach((rule, index) => {
      const outcome = this.evaluateRule(rule, scope, resolved);
      undecided.push(...outcome.undecided.map((reason) => `permission[${index}] (${rule.action}): ${reason}`));
      if (!outcome.holds) reasons.push(...outcome.reasons.map((reason) => `permission[${index}] (${rule.action}): ${reason}`));
    });
    normalized.prohibition.forEach((rule, index) => {
      const outcome = this.evaluateConstraints(rule.constraint, scope, resolved);
      undecided.push(...outcome.undecided.map((reason) => `prohibition[${index}] (${rule.action}): ${reason}`));
      if (outcome.holds) {
        const why = rule.constraint.length ? 'its constraints hold' : 'it has no constraints';
        reasons.push(`prohibition[${index}] (${rule.action}) applies: ${why}`);
      }
    });
    normalized.obligation.forEach((rule, index) => {
      const outcome = this.evaluateRule(rule, scope, resolved);
      undecided.push(...outcome.undecided.map((reason) => `obligation[${index}] (${rule.action}): ${reason}`));
      if (!outcome.holds) reasons.push(...outcome.reasons.map((reason) => `obligation[${index}] (${rule.action}): ${reason}`));
    });

    const all = [...undecided, ...reasons];
    return { allowed: all.length === 0, reasons: [...new Set(all)] };
  }

  /** A permission or obligation: its constraints and the constraints of its duties must hold. */
  private evaluateRule(rule: OdrlRule, scope: PolicyScope, context: ResolvedPolicyContext): Outcome {
    const outcomes = [
      this.evaluateConstraints(rule.constraint, scope, context),
      ...(rule.duty ?? []).map((duty) => {
        const outcome = this.evaluateRule(duty, scope, context);
        const prefix = (reason: string) => `duty (${duty.action}): ${reason}`;
        return { holds: outcome.holds, reasons: outcome.reasons.map(prefix), undecided: outcome.undecided.map(prefix) };
      }),
    ];
    return {
      holds: outcomes.every((outcome) => outcome.holds),
      reasons: outcomes.flatMap((outcome) => outcome.reasons),
      undecided: outcomes.flatMap((outcome) => outcome.undecided),
    };
  }

  /** A rule's constraint list is a conjunction. */
  private evaluateConstraints(constraints: OdrlConstraint[], scope: PolicyScope, context: ResolvedPolicyContext): Outcome {
    return this.combine('and', constraints.map((constraint) => this.evaluateConstraint(constraint, scope, context)));
  }

  private evaluateConstraint(constraint: OdrlConstraint, scope: PolicyScope, context: ResolvedPolicyContext): Outcome {
    if (isAtomicConstraint(constraint)) return this.evaluateAtomic(constraint, scope, context);
    const operator = logicalOperatorOf(constraint as LogicalConstraint);
    const operands = (constraint as LogicalConstraint)[operator] ?? [];
    return this.combine(operator, operands.map((operand) => this.evaluateConstraint(operand, scope, context)));
  }

  private combine(operator: 'and' | 'andSequence' | 'or' | 'xone', outcomes: Outcome[]): Outcome {
    const undecided = outcomes.flatMap((outcome) => outcome.undecided);
    const holding = outcomes.filter((outcome) => outcome.holds).length;
    const failing = outcomes.filter((outcome) => !outcome.holds).flatMap((outcome) => outcome.reasons);
    switch (operator) {
      case 'and':
      case 'andSequence':
        return { holds: holding === outcomes.length, reasons: failing, undecided };
      case 'or':
        return { holds: holding > 0, reasons: holding > 0 ? [] : [`none of ${outcomes.length} alternatives (or) holds: ${failing.join('; ')}`], undecided };
      case 'xone':
        return {
          holds: holding === 1,
          reasons: holding === 1 ? [] : [`exactly one of ${outcomes.length} constraints (xone) must hold, ${holding} do${holding ? '' : `: ${failing.join('; ')}`}`],
          undecided,
        };
    }
  }

  private evaluateAtomic(constraint: AtomicConstraint, scope: PolicyScope, context: ResolvedPolicyContext): Outcome {
    const { leftOperand, operator, rightOperand } = constraint;
    const expressions = this.celExpressions.find(leftOperand, scope);
    if (expressions.length) {
      const input = {
        ctx: { agent: { id: context.agent.id, claims: celClaims(context.agent.claims) }, agreement: context.agreement ? celAgreement(context.agreement) : null },
        now: context.now,
        this: { leftOperand, operator, rightOperand },
      };
      const results = expressions.map((expression) => this.celExpressions.evaluate(expression, input));
      const reasonsOf = (outcome: string) => results.filter((result) => result.outcome === outcome).map((result) => result.reason ?? '');
      return { holds: results.every((result) => result.outcome === 'true'), reasons: reasonsOf('false'), undecided: reasonsOf('failed') };
    }
    const fn = this.functions.resolve(leftOperand, scope);
    if (!fn) return { holds: false, reasons: [], undecided: [`unknown left operand ${leftOperand} in scope ${scope}`] };
    try {
      const verdict = fn(operator, rightOperand, context, leftOperand);
      if (verdict === true) return { holds: true, reasons: [], undecided: [] };
      if (verdict === false) return { holds: false, reasons: [`constraint ${describeConstraint(constraint)} does not hold`], undecided: [] };
      if (verdict && typeof verdict === 'object' && typeof verdict.allowed === 'boolean') {
        if (verdict.allowed) return { holds: true, reasons: [], undecided: [] };
        return { holds: false, reasons: [`constraint ${describeConstraint(constraint)} does not hold: ${verdict.reason ?? 'denied'}`], undecided: [] };
      }
      return { holds: false, reasons: [], undecided: [`function for ${leftOperand} returned no verdict`] };
    } catch (error) {
      return { holds: false, reasons: [], undecided: [`function for ${leftOperand} failed: ${errorMessage(error)}`] };
    }
  }
}

/** The agreement as CEL sees it: both signing-date names as timestamps. */
function celAgreement(agreement: NonNullable<PolicyContext['agreement']>): Record<string, unknown> {
  const signedAt = signingTime(agreement);
  const signingDate = signedAt === undefined ? null : new Date(signedAt);
  return { ...agreement, signingDate, contractSigningDate: signingDate };
}

/** Claims as CEL sees them: as in EDC's model, every credential's `type` and `credentialSubject` are lists. */
function celClaims(claims: PolicyAgentClaims): Record<string, unknown> {
  if (!Array.isArray(claims.vc)) return { ...claims };
  const asList = (value: unknown) => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
  return {
    ...claims,
    vc: claims.vc.map((credential) =>
      credential && typeof credential === 'object'
        ? { ...credential, type: asList(credential.type), credentialSubject: asList(credential.credentialSubject) }
        : credential,
    ),
  };
}
