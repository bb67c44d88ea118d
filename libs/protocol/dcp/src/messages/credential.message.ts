/** One issued credential inside a CredentialMessage. */
export interface CredentialContainer {
  credentialType: string;
  /** The credential itself: a JWT string, or serialized JSON-LD. */
  payload: string;
  /** e.g. `jwt`, `json-ld`, `vc1_0_jwt`, `vc2_0_jose`. */
  format: string;
}

/** Issuer service → holder storage API, `POST .../credentials`: issued credentials or a rejection. */
export interface CredentialMessage {
  '@context': string[];
  type: 'CredentialMessage';
  issuerPid: string;
  holderPid?: string;
  status: 'ISSUED' | 'REJECTED';
  credentials?: CredentialContainer[];
  rejectionReason?: string;
}
