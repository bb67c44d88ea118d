import { JWK } from 'jose';

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth'] as const;

/** The public part of a JWK: strips private members so a private key can never end up in a DID document. */
export function toPublicJwk(jwk: JWK): JWK {
  const copy: JWK = { ...jwk };
  for (const member of PRIVATE_MEMBERS) delete (copy as unknown as Record<string, unknown>)[member];
  return copy;
}
