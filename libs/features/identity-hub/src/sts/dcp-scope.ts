/** Both prefixes DCP deployments use for credential-type scopes: the DCP 1.0 one and EDC's older alias. */
export const DCP_SCOPE_PREFIXES = ['org.eclipse.dspace.dcp.vc.type', 'org.eclipse.edc.vc.type'] as const;

const SCOPE = /^(org\.eclipse\.dspace\.dcp\.vc\.type|org\.eclipse\.edc\.vc\.type):([A-Za-z0-9._-]+):(read|all|\*)$/;

export interface DcpScope {
  credentialType: string;
  operation: string;
}

/** `org.eclipse.dspace.dcp.vc.type:MembershipCredential:read` → { credentialType, operation }; undefined when not a DCP scope. */
export function parseDcpScope(scope: string): DcpScope | undefined {
  const match = SCOPE.exec(scope);
  return match ? { credentialType: match[2], operation: match[3] } : undefined;
}
