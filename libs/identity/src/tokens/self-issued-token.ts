import { randomUUID } from 'node:crypto';
import { decodeJwt, JWK, SignJWT } from 'jose';
import { absoluteKeyId } from '../did/did-document';
import { DidResolver } from '../did/did-resolver';
import { KeyAlgorithm } from '../keys/key-algorithm';
import { importSigningKey } from '../keys/signing-key';
import { DidKeyVerificationError, verifyWithDidKey } from '../keys/verify-with-did-key';
import { JtiReplayCache } from './jti-replay-cache';
import { JtiReplayStore } from './jti-replay-store';
import { TokenVerificationException } from './token-verification.exception';

const DEFAULT_TTL_SECONDS = 300;
const REGISTERED_CLAIMS = ['iss', 'sub', 'aud', 'jti', 'iat', 'exp', 'nbf'];

export interface SignSelfIssuedTokenInput {
  did: string;
  /** Absolute `did#key-1` (a bare fragment is made absolute against `did`). */
  kid: string;
  privateJwk: JWK;
  algorithm: KeyAlgorithm;
  audience: string;
  ttlSeconds?: number;
  /** Extra claims, e.g. `{ token: '<access token>' }`; cannot override iss/sub/aud/jti/iat/exp/nbf. */
  claims?: Record<string, unknown>;
}

/** DCP v1.0 §4.3 Self-Issued ID Token: iss = sub = the participant's DID, signed with a key of its DID document. */
export async function signSelfIssuedToken(input: SignSelfIssuedTokenInput): Promise<string> {
  const kid = absoluteKeyId(input.did, input.kid);
  if (!kid.startsWith(`${input.did}#`)) throw new Error(`kid '${kid}' does not belong to ${input.did}`);
  const ttlSeconds = input.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  if (!(ttlSeconds > 0)) throw new Error('ttlSeconds must be positive');
  const extra = Object.fromEntries(Object.entries(input.claims ?? {}).filter(([name]) => !REGISTERED_CLAIMS.includes(name)));
  const key = await importSigningKey(input.privateJwk, input.algorithm);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(extra)
    .setProtectedHeader({ alg: input.algorithm, kid, typ: 'JWT' })
    .setIssuer(input.did)
    .setSubject(input.did)
    .setAudience(input.audience)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(key);
}

export interface VerifySelfIssuedTokenOptions {
  /** Our own identifier (DID or URL) the token must be addressed to. */
  audience: string;
  resolver: DidResolver;
  /**
   * When given, a jti is accepted once until its token expires (plus the clock tolerance). A JtiReplayCache is
   * per process and keyed by jti; a JtiReplayStore by (iss, jti), and PostgresJtiReplayStore covers all replicas.
   */
  replay?: JtiReplayCache | JtiReplayStore;
  /** Default 30 s. */
  clockToleranceSeconds?: number;
}

export interface VerifiedSelfIssuedToken {
  iss: string;
  sub: string;
  aud: string | string[];
  jti: string;
  /** Every claim of the token, registered ones included. */
  claims: Record<string, unknown>;
}

/**
 * Verifies a DCP self-issued token. Order matters: everything that proves the token is genuine and current is
 * checked before the jti is remembered, so a forged or expired token cannot burn a legitimate jti.
 */
export async function verifySelfIssuedToken(token: string, options: VerifySelfIssuedTokenOptions): Promise<VerifiedSelfIssuedToken> {
  const tolerance = options.clockToleranceSeconds ?? 30;
  let unverified: Record<string, unknown>;
  try {
    unverified = decodeJwt(token);
  } catch (error) {
    throw new TokenVerificationException('malformed', `token is not a JWT: ${error?.message ?? error}`);
  }
  const iss = unverified.iss;
  if (typeof iss !== 'string' || !iss.startsWith('did:')) throw new TokenVerificationException('malformed', 'token iss is not a DID');

  let payload: Record<string, any>;
  try {
    ({ payload } = await verifyWithDidKey(token, iss, options.resolver));
  } catch (error) {
    if (error instanceof DidKeyVerificationError) throw new TokenVerificationException(error.reason, error.message);
    throw error;
  }

  if (payload.sub !== payload.iss) throw new TokenVerificationException('malformed', 'token iss and sub differ');
  const audiences = typeof payload.aud === 'string' ? [payload.aud] : Array.isArray(payload.aud) ? payload.aud : undefined;
  if (!audiences || audiences.length === 0) throw new TokenVerificationException('malformed', 'token has no aud');
  if (!audiences.includes(options.audience)) {
    throw new TokenVerificationException('wrong_audience', `token is addressed to ${JSON.stringify(payload.aud)}, not ${options.audience}`);
  }
  if (typeof payload.jti !== 'string' || payload.jti.length === 0) throw new TokenVerificationException('malformed', 'token has no jti');
  if (typeof payload.exp !== 'number') throw new TokenVerificationException('malformed', 'token has no exp');
  if (payload.iat !== undefined && typeof payload.iat !== 'number') throw new TokenVerificationException('malformed', 'token iat is not a number');

  const now = Math.floor(Date.now() / 1000);
  if (payload.exp <= now - tolerance) throw new TokenVerificationException('expired', 'token has expired');
  if (typeof payload.iat === 'number' && payload.iat > now + tolerance) {
    throw new TokenVerificationException('not_yet_valid', 'token iat is in the future');
  }
  if (typeof payload.nbf === 'number' && payload.nbf > now + tolerance) {
    throw new TokenVerificationException('not_yet_valid', 'token is not valid yet (nbf)');
  }
  if (options.replay) {
    const expiresAt = (payload.exp + tolerance) * 1000;
    const first =
      options.replay instanceof JtiReplayCache
        ? options.replay.checkAndRemember(payload.jti, expiresAt)
        : await options.replay.checkAndRemember(payload.iss, payload.jti, new Date(expiresAt));
    if (!first) throw new TokenVerificationException('replayed', `token id ${payload.jti} was already used`);
  }
  return { iss: payload.iss, sub: payload.sub, aud: payload.aud, jti: payload.jti, claims: payload };
}
