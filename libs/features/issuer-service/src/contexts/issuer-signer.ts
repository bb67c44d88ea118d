import type { JWK } from 'jose';
import type { KeyAlgorithm } from '@dsaas/identity';

/** What signing as an issuer needs; holds the private key, so never log it. */
export interface IssuerSigner {
  issuerDid: string;
  /** Absolute: `<did>#<keyId>`. */
  kid: string;
  privateJwk: JWK;
  algorithm: KeyAlgorithm;
}
