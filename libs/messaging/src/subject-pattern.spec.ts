import { assertValidSubject, subjectPatternToRegex } from './subject-pattern';

describe('subjectPatternToRegex', () => {
  const matches = (pattern: string, subject: string) => new RegExp(subjectPatternToRegex(pattern)).test(subject);

  it('matches NATS wildcards the way the server does', () => {
    expect(matches('cfm.tenant.created.v1', 'cfm.tenant.created.v1')).toBe(true);
    expect(matches('cfm.tenant.created.v1', 'cfm.tenant.createdXv1')).toBe(false);
    expect(matches('cfm.*.created.v1', 'cfm.tenant.created.v1')).toBe(true);
    expect(matches('cfm.*.created.v1', 'cfm.a.b.created.v1')).toBe(false);
    expect(matches('cfm.>', 'cfm.tenant.created.v1')).toBe(true);
    expect(matches('cfm.>', 'cfm')).toBe(false);
    expect(matches('>', 'dlq.cfm.x')).toBe(true);
  });

  it('rejects malformed subjects', () => {
    expect(() => assertValidSubject('a..b', true)).toThrow();
    expect(() => assertValidSubject('a.>.b', true)).toThrow();
    expect(() => assertValidSubject('a.*', false)).toThrow();
    expect(() => assertValidSubject('a b', false)).toThrow();
    expect(() => assertValidSubject('a.b*', true)).toThrow();
    expect(() => assertValidSubject('a.*.>', true)).not.toThrow();
  });
});
