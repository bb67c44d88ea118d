/**
 * NATS subject wildcards as a regular expression: `*` is one token, `>` one or more trailing tokens.
 * Used where the broker does not match subjects for us (the Postgres adapter).
 */
export function subjectPatternToRegex(pattern: string): string {
  const tokens = pattern.split('.');
  const parts = tokens.map((token, index) => {
    if (token === '>' && index === tokens.length - 1) return '.+';
    if (token === '*') return '[^.]+';
    return token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return `^${parts.join('\\.')}$`;
}

export function assertValidSubject(subject: string, allowWildcards: boolean): void {
  const tokens = subject.split('.');
  const bad = tokens.some(
    (t, i) =>
      t.length === 0 ||
      /\s/.test(t) ||
      (!allowWildcards && (t === '*' || t === '>')) ||
      (t === '>' && i !== tokens.length - 1) ||
      (t !== '*' && t !== '>' && /[*>]/.test(t)),
  );
  if (bad) throw new Error(`invalid subject "${subject}"`);
}
