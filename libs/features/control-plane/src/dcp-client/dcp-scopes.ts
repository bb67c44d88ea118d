/** DCP scope of a credential type, e.g. `org.eclipse.dspace.dcp.vc.type:MembershipCredential:read`. */
export function credentialTypeScope(credentialType: string): string {
  return `org.eclipse.dspace.dcp.vc.type:${credentialType}:read`;
}

const SCOPE = /^(?:org\.eclipse\.dspace\.dcp\.vc\.type|org\.eclipse\.edc\.vc\.type):([^:\s]+):(?:read|all|\*)$/;

export function isCredentialScope(scope: string): boolean {
  return SCOPE.test(scope);
}

/**
 * The credential types a policy's left operands name: `MembershipCredential`, `FrameworkAgreement` (EDC's name for
 * a FrameworkAgreementCredential... kept as written) and `credential.<Type>[.path]`. CEL-decided operands cannot be
 * read this way; DCP_DEFAULT_SCOPES covers them.
 */
export function credentialTypesOfPolicy(policy: unknown): string[] {
  const types = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const left = typeof record.leftOperand === 'string' ? record.leftOperand : (record.leftOperand as { '@id'?: unknown } | undefined)?.['@id'];
    if (typeof left === 'string') {
      const term = left.replace(/^.*[/#]/, '').replace(/^(edc|odrl|cx-policy):/, '');
      if (term === 'MembershipCredential') types.add('MembershipCredential');
      const match = /^credential\.([A-Za-z0-9_-]+)/.exec(term);
      if (match) types.add(match[1]);
    }
    Object.values(record).forEach(visit);
  };
  visit(policy);
  return [...types];
}

/** Default scopes plus those the policies need, deduplicated. */
export function scopesFor(defaultScopes: string, policies: unknown[] = []): string[] {
  const scopes = new Set(defaultScopes.split(/\s+/).filter(Boolean));
  for (const policy of policies) for (const type of credentialTypesOfPolicy(policy)) scopes.add(credentialTypeScope(type));
  return [...scopes];
}
