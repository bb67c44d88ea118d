import { importJWK, JWK, KeyLike } from 'jose';
import { KeyAlgorithm } from './key-algorithm';

/** Imports a caller-held private JWK for signing. The error never echoes the key material. */
export async function importSigningKey(privateJwk: JWK, algorithm: KeyAlgorithm): Promise<KeyLike | Uint8Array> {
  if (!privateJwk || typeof privateJwk !== 'object' || !privateJwk.d) {
    throw new Error(`a private ${algorithm} JWK is required for signing`);
  }
  return importJWK(privateJwk, algorithm);
}

/** Which JWS algorithm a public JWK verifies: alg if set, else derived from kty/crv. */
export function algorithmForJwk(jwk: JWK): KeyAlgorithm | undefined {
  if (jwk.alg === 'ES256' || jwk.alg === 'EdDSA') return jwk.alg;
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  return undefined;
}
