import type { CredentialObject } from './credential-object';

/** Issuer → holder storage API, `POST .../offers`. */
export interface CredentialOfferMessage {
  '@context': string[];
  type: 'CredentialOfferMessage';
  /** The issuer's DID. */
  issuer: string;
  credentials: CredentialObject[];
}
