import { randomUUID } from 'node:crypto';
import { JWK, SignJWT } from 'jose';
import { absoluteKeyId } from '../did/did-document';
import { KeyAlgorithm } from '../keys/key-algorithm';
import { importSigningKey } from '../keys/signing-key';
import { VC_1_1_CONTEXT } from './credential-format';

export interface IssueJwtPresentationInput {
  holderDid: string;
  kid: string;
  privateJwk: JWK;
  algorithm: KeyAlgorithm;
  /** Who the presentation is for (the verifier's DID); a VP for one verifier is refused by another. */
  audience: string;
  /** JWT VCs, in either format. */
  credentials: string[];
  nonce?: string;
  /** Default 5 minutes: a presentation answers one request. */
  ttlSeconds?: number;
}

/** VC Data Model 1.1 §6.3.1 JWT VP, as DCP's PresentationResponseMessage carries it. */
export async function issueJwtPresentation(input: IssueJwtPresentationInput): Promise<string> {
  const kid = absoluteKeyId(input.holderDid, input.kid);
  const key = await importSigningKey(input.privateJwk, input.algorithm);
  const ttlSeconds = input.ttlSeconds ?? 300;
  if (!(ttlSeconds > 0)) throw new Error('ttlSeconds must be positive');
  if (!Array.isArray(input.credentials) || input.credentials.some((credential) => typeof credential !== 'string')) {
    throw new Error('credentials must be JWT strings');
  }
  const now = Math.floor(Date.now() / 1000);
  const id = `urn:uuid:${randomUUID()}`;
  const claims: Record<string, unknown> = {
    vp: {
      '@context': [VC_1_1_CONTEXT],
      id,
      type: ['VerifiablePresentation'],
      holder: input.holderDid,
      verifiableCredential: [...input.credentials],
    },
  };
  if (input.nonce !== undefined) claims.nonce = input.nonce;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: input.algorithm, kid, typ: 'JWT' })
    .setIssuer(input.holderDid)
    .setSubject(input.holderDid)
    .setAudience(input.audience)
    .setJti(id)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(key);
}
