import { calculateJwkThumbprint, JWK } from 'jose';

/** RFC 7638 SHA-256 thumbprint (base64url): a stable key id derived from the public key alone. */
export function jwkThumbprint(publicJwk: JWK): Promise<string> {
  return calculateJwkThumbprint(publicJwk, 'sha256');
}
