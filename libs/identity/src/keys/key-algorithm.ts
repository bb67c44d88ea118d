/** JWS algorithms we sign with: ES256 (EC P-256) and EdDSA (Ed25519), the two DCP deployments use in practice. */
export type KeyAlgorithm = 'ES256' | 'EdDSA';

export const KEY_ALGORITHMS: readonly KeyAlgorithm[] = ['ES256', 'EdDSA'];

export function isKeyAlgorithm(value: unknown): value is KeyAlgorithm {
  return value === 'ES256' || value === 'EdDSA';
}
