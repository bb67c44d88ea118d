/** Which issuer may vouch for which credential type: configuration per dataspace, not hard-coded trust. */
export interface TrustedIssuers {
  isTrusted(issuerDid: string, credentialType: string): boolean;
}

export interface TrustedIssuerEntry {
  did: string;
  /** Credential types this issuer is trusted for; '*' = all. */
  credentialTypes: string[];
}

export class StaticTrustedIssuers implements TrustedIssuers {
  constructor(private readonly entries: TrustedIssuerEntry[]) {}

  isTrusted(issuerDid: string, credentialType: string): boolean {
    return this.entries.some(
      (entry) => entry.did === issuerDid && (entry.credentialTypes.includes('*') || entry.credentialTypes.includes(credentialType)),
    );
  }
}
