import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { DataPlaneConfig } from '../data-plane.config';
import { DataFlow } from '../flows/data-flow';
import { DataPlaneUrls } from '../common/data-plane-urls';
import { EdrSigningKeyService } from './edr-signing-key.service';
import { InvalidEdrTokenException } from './invalid-edr-token.exception';

/** What a verified EDR access token says. */
export interface EdrClaims {
  flowId: string;
  agreementId: string;
  generation: number;
}

export interface IssuedEdr {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshTokenHash: string;
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The flow a refresh token belongs to (its first part), so the refresh endpoint needs no other input. */
export function flowOfRefreshToken(token: string): string | undefined {
  const [flow] = token.split('.');
  try {
    return flow ? Buffer.from(flow, 'base64url').toString('utf8') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * EDR access tokens: short-lived ES256 JWTs with `aud` = the flow id, the agreement and the flow's token
 * generation (suspend and terminate bump it: older tokens are revoked). Refresh tokens are opaque, single use,
 * kept only as a hash.
 */
@Injectable()
export class EdrTokenService {
  constructor(
    private readonly keys: EdrSigningKeyService,
    private readonly config: DataPlaneConfig,
    private readonly urls: DataPlaneUrls,
  ) {}

  async issue(flow: Pick<DataFlow, 'id' | 'agreementId' | 'counterPartyId' | 'tokenGeneration'>): Promise<IssuedEdr> {
    const key = await this.keys.key();
    const ttl = this.config.EDR_TOKEN_TTL_SECONDS;
    const accessToken = await new SignJWT({ agreement_id: flow.agreementId, gen: flow.tokenGeneration })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
      .setIssuer(this.urls.base())
      .setSubject(flow.counterPartyId)
      .setAudience(flow.id)
      .setIssuedAt()
      .setExpirationTime(`${ttl}s`)
      .setJti(randomUUID())
      .sign(key.privateKey);
    const refreshToken = `${Buffer.from(flow.id, 'utf8').toString('base64url')}.${randomBytes(32).toString('base64url')}`;
    return { accessToken, expiresIn: ttl, refreshToken, refreshTokenHash: hashRefreshToken(refreshToken) };
  }

  /** Signature, issuer and expiry; InvalidEdrTokenException (401) otherwise. The flow checks are the caller's. */
  async verify(token: string): Promise<EdrClaims> {
    const key = await this.keys.key();
    try {
      const { payload } = await jwtVerify(token, key.publicKey, { issuer: this.urls.base(), algorithms: ['ES256'] });
      const audience = Array.isArray(payload.aud) ? payload.aud[0] : payload.aud;
      if (typeof audience !== 'string' || typeof payload.gen !== 'number' || typeof payload.agreement_id !== 'string') {
        throw new InvalidEdrTokenException('The access token is not an EDR token of this data plane');
      }
      return { flowId: audience, agreementId: payload.agreement_id, generation: payload.gen };
    } catch (error) {
      if (error instanceof InvalidEdrTokenException) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new InvalidEdrTokenException('The access token has expired');
      throw new InvalidEdrTokenException('The access token is invalid');
    }
  }
}
