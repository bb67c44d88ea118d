/** A verified credential as the control plane hands it over (already signature- and issuer-checked). */
export interface VerifiedCredentialLike {
  id?: string;
  type: string[] | string;
  issuer: string | { id: string };
  credentialSubject: Record<string, unknown> | Record<string, unknown>[];
  /** VC data model 2.0 validity window; the 1.1 names (issuanceDate, expirationDate) are honoured too. */
  validFrom?: string | Date;
  validUntil?: string | Date;
  issuanceDate?: string | Date;
  expirationDate?: string | Date;
  [key: string]: unknown;
}

export interface PolicyAgentClaims {
  vc?: VerifiedCredentialLike[];
  [key: string]: unknown;
}

export interface PolicyAgent {
  /** The counter-party's identifier (a DID). */
  id: string;
  claims: PolicyAgentClaims;
}

export interface PolicyAgreement {
  id: string;
  /** Epoch seconds or an ISO 8601 string; `contractSigningDate` is the EDC name of the same field. */
  signingDate?: number | string | Date;
  contractSigningDate?: number | string | Date;
  assetId?: string;
  consumerId?: string;
  providerId?: string;
  [key: string]: unknown;
}

export interface PolicyContext {
  agent: PolicyAgent;
  /** Present in `transfer.process` scope (the agreement being used). */
  agreement?: PolicyAgreement;
  /** Evaluation time; defaults to the current time. */
  now?: Date;
}

/** The context as functions see it: `now` always set. */
export interface ResolvedPolicyContext extends PolicyContext {
  now: Date;
}
