import type { CredentialFormat } from '@dsaas/identity';

/** A credential this issuer signed. */
export interface IssuedCredential {
  id: string;
  issuerContextId: string;
  /** The credential request it answered (absent for credentials issued otherwise). */
  requestId?: string;
  credentialDefinitionId: string;
  credentialType: string;
  holderDid: string;
  format: CredentialFormat;
  statusListId: string;
  statusListIndex: number;
  jwt: string;
  issuedAt: Date;
  expiresAt: Date;
  revokedAt?: Date;
}
