export type CredentialRequestState = 'REQUESTED' | 'ISSUED' | 'REJECTED' | 'ERROR';

export interface RequestedCredential {
  /** Credential object id from the issuer's metadata. */
  id: string;
  credentialType?: string;
  format?: string;
}

/** A credential request this holder context sent to an issuer (holder side of DCP issuance). */
export interface CredentialRequest {
  holderPid: string;
  participantContextId: string;
  issuerDid: string;
  issuerPid?: string;
  state: CredentialRequestState;
  credentials: RequestedCredential[];
  errorDetail?: string;
  createdAt: Date;
  updatedAt: Date;
}
