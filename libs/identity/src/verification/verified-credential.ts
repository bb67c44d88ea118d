import { CredentialFormat } from '../credentials/credential-format';

export interface VerifiedCredential {
  id?: string;
  types: string[];
  issuer: string;
  /** The (first) credentialSubject. */
  subject: Record<string, unknown>;
  validFrom?: string;
  validUntil?: string;
  /** The JWT as received. */
  raw: string;
  /** The verified JWT payload. */
  payload: Record<string, unknown>;
  format: CredentialFormat;
}
