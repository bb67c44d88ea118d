import type { SupportedCredentialObject } from './credential-object';

/** Issuer service, `GET .../metadata`. */
export interface IssuerMetadata {
  '@context': string[];
  type: 'IssuerMetadata';
  /** The issuer's DID. */
  issuer: string;
  credentialsSupported: SupportedCredentialObject[];
}
