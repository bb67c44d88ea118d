import { evaluate } from '@marcbachmann/cel-js';

describe('CEL library under jest', () => {
  it('evaluates macros and timestamps', () => {
    const claims = { vc: [{ type: ['VerifiableCredential', 'MembershipCredential'], credentialSubject: [{ membershipStartDate: '2025-01-01T00:00:00Z' }] }] };
    const expression =
      "ctx.agent.claims.vc.filter(c, c.type.exists(t, t == 'MembershipCredential')).exists(c, c.credentialSubject.exists(cs, timestamp(cs.membershipStartDate) < now))";
    expect(evaluate(expression, { ctx: { agent: { claims } }, now: new Date() })).toBe(true);
  });
});
