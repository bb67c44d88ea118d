import type { JWK } from 'jose';
import type { KeyAlgorithm } from '@dsaas/identity';

/** An issuer hosted by this service. */
export interface IssuerContext {
  id: string;
  did: string;
  /** Fragment of the signing key's verification method. */
  keyId: string;
  keyAlgorithm: KeyAlgorithm;
  publicJwk: JWK;
  createdAt: Date;
}

/** `kid` of the issuer's JWS headers: `<did>#<keyId>`. */
export function issuerKid(context: IssuerContext): string {
  return `${context.did}#${context.keyId}`;
}

/** SecretStore key of a context's private key (`keys:<keyId>`: the store's key syntax has no '/'). */
export function privateKeySecretName(keyId: string): string {
  return `keys:${keyId}`;
}
