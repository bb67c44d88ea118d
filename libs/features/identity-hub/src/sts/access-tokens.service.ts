import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { decodeProtectedHeader, importJWK, jwtVerify, SignJWT } from 'jose';
import { TokenVerificationException, TokenVerificationReason } from '@dsaas/identity';
import { KeyMaterialService, SigningMaterial } from '../keys/key-material.service';
import { KeyPairRepository } from '../keys/key-pair.repository';
import { ParticipantContext } from '../participants/participant-context';

export interface VerifiedAccessToken {
  /** Who may use it: the counter-party DID the holder minted it for. */
  subject: string;
  scopes: string[];
}

/**
 * Access tokens a holder mints for a counter-party to read its credential service (the `token` claim of an SI
 * token, DCP §4.3.1). As EDC's STS does: iss = aud = the holder's DID, sub = the counter-party's DID, `scope` =
 * the granted credential scopes, signed with the holder's own key. Only this hub verifies them.
 */
@Injectable()
export class AccessTokensService {
  constructor(private readonly keys: KeyPairRepository, private readonly keyMaterial: KeyMaterialService) {}

  async sign(signing: SigningMaterial, counterPartyDid: string, scope: string, ttlSeconds: number): Promise<string> {
    const key = await importJWK(signing.privateJwk, signing.algorithm);
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ scope })
      .setProtectedHeader({ alg: signing.algorithm, kid: signing.kid, typ: 'JWT' })
      .setIssuer(signing.did)
      .setAudience(signing.did)
      .setSubject(counterPartyDid)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + ttlSeconds)
      .sign(key);
  }

  /** Verifies an access token this context minted for `presenterDid`; throws TokenVerificationException (401). */
  async verify(token: string, holder: ParticipantContext, presenterDid: string): Promise<VerifiedAccessToken> {
    let kid: unknown;
    try {
      kid = decodeProtectedHeader(token).kid;
    } catch {
      throw new TokenVerificationException('malformed', 'the access token is not a JWT');
    }
    if (typeof kid !== 'string' || !kid.startsWith(`${holder.did}#`)) {
      throw new TokenVerificationException('unknown_key', 'the access token was not signed by the holder');
    }
    const key = await this.keys.find(holder.participantContextId, kid.slice(holder.did.length + 1));
    if (!key || key.state === 'revoked') throw new TokenVerificationException('unknown_key', 'the access token was signed by an unknown or revoked key');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, await importJWK(key.publicJwk, key.algorithm), {
        issuer: holder.did,
        audience: holder.did,
        subject: presenterDid,
        algorithms: [key.algorithm],
        clockTolerance: 30,
        requiredClaims: ['exp', 'jti'],
      }));
    } catch (error) {
      throw new TokenVerificationException(reasonOf(error), `the access token is not valid for this caller (${error?.code ?? 'invalid'})`);
    }
    const scope = typeof payload.scope === 'string' ? payload.scope : '';
    return { subject: presenterDid, scopes: scope.split(/\s+/).filter(Boolean) };
  }
}

function reasonOf(error: any): TokenVerificationReason {
  switch (error?.code) {
    case 'ERR_JWT_EXPIRED':
      return 'expired';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'bad_signature';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return error.claim === 'nbf' ? 'not_yet_valid' : 'wrong_audience';
    default:
      return 'malformed';
  }
}
