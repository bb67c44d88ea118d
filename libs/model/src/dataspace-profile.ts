/** The protocol stack a dataspace speaks. */
export interface ProtocolStack {
  /** e.g. `dataspace-protocol-http:2025-1`. */
  dsp: string;
  /** e.g. `dcp:1.0`. */
  dcp: string;
  /** e.g. `dps:1.0`. */
  dps: string;
}

/** An issuer recognised by the dataspace's governance for some credential types. */
export interface TrustedIssuer {
  did: string;
  credentialTypes: string[];
}

/** The rules of one dataspace (Catena-X, Manufacturing-X, ...): protocols, credentials, trust and policy semantics. */
export interface DataspaceProfile {
  id: string;
  name: string;
  protocols: ProtocolStack;
  /** Credential types every participant must hold (e.g. MembershipCredential). */
  requiredCredentials: string[];
  trustedIssuers: TrustedIssuer[];
  /** Named policy semantics (left operands and their meaning) this dataspace uses. */
  policySemantics: Record<string, unknown>;
  properties: Record<string, unknown>;
}
