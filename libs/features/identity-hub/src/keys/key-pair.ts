import type { JWK } from 'jose';
import type { KeyAlgorithm } from '@dsaas/identity';

/** `active`: in the DID document; `rotated`: replaced but still in it (verifies old signatures); `revoked`: gone. */
export type KeyPairState = 'active' | 'rotated' | 'revoked';

/** The public half of a context key pair; the private JWK stays in the SecretStore. */
export interface KeyPair {
  participantContextId: string;
  keyId: string;
  algorithm: KeyAlgorithm;
  publicJwk: JWK;
  state: KeyPairState;
  /** The key the context signs with (exactly one per context). */
  isDefault: boolean;
  createdAt: Date;
  rotatedAt?: Date;
  revokedAt?: Date;
}

/** Where a key's private JWK is kept inside the context's SecretStore namespace. */
export function privateKeySecretName(keyId: string): string {
  // The SecretStore forbids '/' in key names, so ':' separates the folder.
  return `keys:${keyId}`;
}
