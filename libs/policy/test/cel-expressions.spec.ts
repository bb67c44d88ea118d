import { ValidationException } from '@dsaas/model';
import { CelCompilationException, CelExpressionConflictException, CelExpressionRegistry, PolicyEngine } from '../src';
import { CONSUMER, contextWith, credential, membership, permit } from './fixtures';

const ISSUE_EXAMPLE =
  "ctx.agent.claims.vc.filter(c, c.type.exists(t, t == 'MembershipCredential')).exists(c, c.credentialSubject.exists(cs, timestamp(cs.membershipStartDate) < now))";
const ALL_SCOPES = ['catalog', 'contract.negotiation', 'transfer.process'] as const;

function setup(expression: string, leftOperand = 'MembershipCredential', scopes: readonly (typeof ALL_SCOPES)[number][] = ALL_SCOPES, limits = {}) {
  const registry = new CelExpressionRegistry(limits);
  registry.register({ id: 'expr-1', leftOperand, expression, scopes: [...scopes] });
  return { registry, engine: new PolicyEngine({ celExpressions: registry }) };
}

const policyFor = (leftOperand: string, operator = 'eq', rightOperand: unknown = 'active') => permit({ leftOperand, operator, rightOperand });

describe('CEL expressions', () => {
  it("decides the issue's example: a MembershipCredential whose membership started before now", () => {
    const { engine } = setup(ISSUE_EXAMPLE);
    const policy = policyFor('MembershipCredential');
    expect(engine.evaluate(policy, 'catalog', contextWith([membership()]))).toEqual({ allowed: true, reasons: [] });

    const notYetMember = credential('MembershipCredential', { membershipStartDate: '2030-01-01T00:00:00Z' });
    const denied = engine.evaluate(policy, 'catalog', contextWith([notYetMember]));
    expect(denied).toEqual({ allowed: false, reasons: ["permission[0] (use): CEL expression 'expr-1' for MembershipCredential evaluated to false"] });

    expect(engine.evaluate(policy, 'catalog', contextWith([credential('OtherCredential', { membershipStartDate: '2020-01-01T00:00:00Z' })])).allowed).toBe(false);
  });

  it('takes precedence over the built-in function for the same left operand, only in its scopes', () => {
    const { engine } = setup(ISSUE_EXAMPLE, 'MembershipCredential', ['catalog']);
    const notYetMember = credential('MembershipCredential', { membershipStartDate: '2030-01-01T00:00:00Z' });
    expect(engine.evaluate(policyFor('MembershipCredential'), 'catalog', contextWith([notYetMember])).allowed).toBe(false);
    // In negotiation the built-in decides: the credential itself is valid.
    expect(engine.evaluate(policyFor('MembershipCredential'), 'contract.negotiation', contextWith([notYetMember])).allowed).toBe(true);
  });

  it('leaves a left operand that only a CEL expression of another scope knows unknown (denied)', () => {
    const { engine } = setup('true', 'custom', ['catalog']);
    expect(engine.evaluate(policyFor('custom'), 'catalog', contextWith([])).allowed).toBe(true);
    expect(engine.evaluate(policyFor('custom'), 'transfer.process', contextWith([])).reasons).toEqual([
      'permission[0] (use): unknown left operand custom in scope transfer.process',
    ]);
  });

  it('allows and denies on a credential claim value, with all, map and this', () => {
    const { engine } = setup(
      "ctx.agent.claims.vc.filter(c, 'DataProcessorCredential' in c.type).map(c, c.credentialSubject[0].level).exists(l, l == this.rightOperand) && ctx.agent.claims.vc.all(c, c.issuer.startsWith('did:web:'))",
      'DataAccess.level',
    );
    const processor = credential('DataProcessorCredential', { level: 'processing' });
    expect(engine.evaluate(policyFor('DataAccess.level', 'eq', 'processing'), 'contract.negotiation', contextWith([processor])).allowed).toBe(true);
    expect(engine.evaluate(policyFor('DataAccess.level', 'eq', 'sensitive'), 'contract.negotiation', contextWith([processor])).allowed).toBe(false);
  });

  it('sees the agent id, the agreement (signing date as a timestamp) and numbers as ints', () => {
    const { engine } = setup(
      `ctx.agent.id == '${CONSUMER}' && ctx.agreement.assetId == 'asset-1' && ctx.agreement.signingDate + duration('720h') > now && ctx.agent.claims.vc[0].credentialSubject[0].seats * 2 == 20`,
      'custom',
      ['transfer.process'],
    );
    const agreement = { id: 'a-1', assetId: 'asset-1', signingDate: Date.parse('2025-06-01T00:00:00Z') / 1000 };
    const context = contextWith([credential('SeatsCredential', { seats: 10 })], { agreement });
    expect(engine.evaluate(policyFor('custom'), 'transfer.process', context)).toEqual({ allowed: true, reasons: [] });
    const old = { ...agreement, signingDate: '2025-01-01T00:00:00Z' };
    expect(engine.evaluate(policyFor('custom'), 'transfer.process', { ...context, agreement: old }).allowed).toBe(false);
  });

  it('compiles once on register and never again, however often it is evaluated', () => {
    const { registry, engine } = setup(ISSUE_EXAMPLE);
    expect(registry.compilations).toBe(1);
    for (let i = 0; i < 50; i++) engine.evaluate(policyFor('MembershipCredential'), 'catalog', contextWith([membership()]));
    expect(registry.compilations).toBe(1);
  });

  it('rejects a broken expression at registration with invalid_cel_expression (400) and registers nothing', () => {
    const registry = new CelExpressionRegistry();
    const register = (expression: string) => {
      try {
        registry.register({ id: 'broken', leftOperand: 'x', expression, scopes: ['catalog'] });
      } catch (error) {
        return error;
      }
      return undefined;
    };
    for (const expression of ['ctx.agent.claims.vc.exists(c, ', 'unknownVariable == 1', '1 + 2', 'now + 1', '', 'a.all(x, a.all(y, a.all(z, a.all(w, true))))']) {
      const error = register(expression);
      expect(error).toBeInstanceOf(CelCompilationException);
      expect(error).toMatchObject({ status: 400, code: 'invalid_cel_expression' });
    }
    const syntax = register('ctx.agent.claims.vc.exists(c, ') as CelCompilationException;
    expect(syntax.message).toMatch(/^CEL expression 'broken' does not compile: /);
    expect(syntax.extensions.errors).toEqual([syntax.parseError]);
    expect((register('1 + 2') as CelCompilationException).parseError).toBe('the expression returns int, a policy expression must return bool');
    expect((register('unknownVariable == 1') as CelCompilationException).parseError).toContain('Unknown variable: unknownVariable');
    expect(registry.list()).toEqual([]);
  });

  it('rejects duplicate ids (409) and bad definitions (400), and supports upsert/unregister', () => {
    const registry = new CelExpressionRegistry();
    registry.register({ id: 'e', leftOperand: 'x', expression: 'true', scopes: ['catalog'] });
    expect(() => registry.register({ id: 'e', leftOperand: 'x', expression: 'false', scopes: ['catalog'] })).toThrow(CelExpressionConflictException);
    expect(() => registry.register({ id: 'f', leftOperand: 'x', expression: 'true', scopes: ['everywhere' as never] })).toThrow(ValidationException);
    registry.upsert({ id: 'e', leftOperand: 'x', expression: 'false', scopes: ['catalog'] });
    expect(registry.get('e')?.expression).toBe('false');
    expect(registry.unregister('e')).toBe(true);
    expect(registry.find('x', 'catalog')).toEqual([]);
  });

  it('fails closed on a runtime error, naming the expression and the error', () => {
    const { engine } = setup('ctx.agent.claims.vc[0].credentialSubject.missing == 1', 'custom');
    const decision = engine.evaluate(policyFor('custom'), 'catalog', contextWith([membership()]));
    expect(decision.allowed).toBe(false);
    expect(decision.reasons).toEqual(["permission[0] (use): CEL expression 'expr-1' failed: No such key: missing"]);
    // Also inside a prohibition: an undecidable prohibition denies.
    const prohibition = engine.evaluate({ prohibition: [{ action: 'use', constraint: [{ leftOperand: 'custom', operator: 'eq', rightOperand: true }] }] }, 'catalog', contextWith([membership()]));
    expect(prohibition.allowed).toBe(false);
  });

  it('fails closed on a non-bool result', () => {
    const { engine } = setup('ctx.agent.id', 'custom');
    expect(engine.evaluate(policyFor('custom'), 'catalog', contextWith([])).reasons).toEqual(["permission[0] (use): CEL expression 'expr-1' returned a string, not a bool"]);
  });

  it('fails closed when the step budget or the input guard is exceeded', () => {
    const vc = Array.from({ length: 40 }, (_, index) => credential('C', { index }));
    const { engine } = setup('ctx.agent.claims.vc.all(a, ctx.agent.claims.vc.all(b, ctx.agent.claims.vc.all(c, true)))', 'custom', ALL_SCOPES, { maxSteps: 10_000 });
    const decision = engine.evaluate(policyFor('custom'), 'catalog', contextWith(vc));
    expect(decision.allowed).toBe(false);
    expect(decision.reasons[0]).toContain('exceeded the step budget (10000 list element reads)');

    // `error || true` is true in CEL, so the error is absorbed; the budget is sticky, so it still fails.
    const swallowing = setup('ctx.agent.claims.vc.exists(a, ctx.agent.claims.vc.all(b, ctx.agent.claims.vc.all(c, true)) || true)', 'custom', ALL_SCOPES, { maxSteps: 1_000 }).engine;
    expect(swallowing.evaluate(policyFor('custom'), 'catalog', contextWith(vc)).reasons[0]).toContain('exceeded the step budget');

    const guarded = setup('size(ctx.agent.claims.vc) > 0', 'custom', ALL_SCOPES, { maxInputListLength: 10 }).engine;
    expect(guarded.evaluate(policyFor('custom'), 'catalog', contextWith(vc)).reasons[0]).toContain('was not evaluated: input holds a list longer than 10 elements');
  });

  it('fails closed when an evaluation overruns the time limit', () => {
    const vc = Array.from({ length: 200 }, (_, index) => credential('C', { index }));
    const { engine } = setup('ctx.agent.claims.vc.all(a, ctx.agent.claims.vc.all(b, b.credentialSubject[0].index >= 0))', 'custom', ALL_SCOPES, { timeLimitMs: 1 });
    const decision = engine.evaluate(policyFor('custom'), 'catalog', contextWith(vc));
    expect(decision.allowed).toBe(false);
    expect(decision.reasons[0]).toMatch(/exceeded the time limit \(\d+\.\d ms > 1 ms\)/);
  });
});
