import { Injectable, Logger } from '@nestjs/common';
import { signSelfIssuedToken } from '@dsaas/identity';
import { IdentityHubConfig } from '../identity-hub.config';
import { KeyPairsService } from '../keys/key-pairs.service';
import { AccessTokensService } from './access-tokens.service';
import { parseDcpScope } from './dcp-scope';
import { InvalidStsRequestException } from './invalid-sts-request.exception';

export interface StsTokenRequest {
  audience: string;
  /** Space-separated DCP scopes the counter-party may read from our credential service. */
  bearerAccessScope?: string;
  /** An access token from the counter-party, passed on in the `token` claim. */
  token?: string;
}

export interface StsTokenResponse {
  accessToken: string;
  expiresIn: number;
}

/** Secure Token Service: self-issued ID tokens (DCP §4.3) signed with the context's current key. */
@Injectable()
export class StsService {
  private readonly logger = new Logger('Sts');

  constructor(
    private readonly keyPairs: KeyPairsService,
    private readonly accessTokens: AccessTokensService,
    private readonly config: IdentityHubConfig,
  ) {}

  async createToken(participantContextId: string, request: StsTokenRequest): Promise<StsTokenResponse> {
    if (request.bearerAccessScope !== undefined && request.token !== undefined) {
      throw new InvalidStsRequestException('Give either token or bearerAccessScope, not both', ['token and bearerAccessScope are mutually exclusive']);
    }
    const scopes = request.bearerAccessScope?.split(/\s+/).filter(Boolean);
    if (scopes) {
      const invalid = scopes.filter((scope) => !parseDcpScope(scope));
      if (scopes.length === 0 || invalid.length) {
        throw new InvalidStsRequestException('bearerAccessScope must list DCP credential scopes', invalid.map((s) => `not a DCP scope: ${s}`));
      }
    }
    const ttlSeconds = this.config.STS_TOKEN_TTL_SECONDS;
    const signing = await this.keyPairs.signingMaterial(participantContextId);
    const claims: Record<string, unknown> = {};
    if (request.token) claims.token = request.token;
    if (scopes) claims.token = await this.accessTokens.sign(signing, request.audience, scopes.join(' '), ttlSeconds);
    const accessToken = await signSelfIssuedToken({
      did: signing.did,
      kid: signing.kid,
      privateJwk: signing.privateJwk,
      algorithm: signing.algorithm,
      audience: request.audience,
      ttlSeconds,
      claims,
    });
    this.logger.debug({ participantContextId, audience: request.audience, scopes }, 'self-issued token minted');
    return { accessToken, expiresIn: ttlSeconds };
  }
}
