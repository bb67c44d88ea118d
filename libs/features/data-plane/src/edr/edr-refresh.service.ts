import { Injectable } from '@nestjs/common';
import { ValidationException } from '@dsaas/model';
import { DataFlowRepository } from '../flows/data-flow.repository';
import { EdrTokenService, flowOfRefreshToken, hashRefreshToken } from './edr-token.service';
import { InvalidGrantException } from './invalid-grant.exception';

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
}

/** `grant_type=refresh_token`: a new access token and a new refresh token (the used one stops working). */
@Injectable()
export class EdrRefreshService {
  constructor(
    private readonly flows: DataFlowRepository,
    private readonly tokens: EdrTokenService,
  ) {}

  async refresh(body: unknown): Promise<TokenResponse> {
    const request = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const unknown = Object.keys(request).filter((key) => !['grant_type', 'refresh_token'].includes(key));
    if (request.grant_type !== 'refresh_token' || typeof request.refresh_token !== 'string' || unknown.length) {
      throw new ValidationException('The token request is invalid', ['grant_type must be refresh_token and refresh_token a string; nothing else']);
    }
    const flowId = flowOfRefreshToken(request.refresh_token);
    const flow = flowId ? await this.flows.find(flowId) : undefined;
    const presented = hashRefreshToken(request.refresh_token);
    if (!flow || flow.state !== 'STARTED' || flow.refreshTokenHash !== presented) throw new InvalidGrantException('The refresh token is invalid or was already used');
    const issued = await this.tokens.issue(flow);
    if (!(await this.flows.rotateRefreshTokenHash(flow.id, presented, issued.refreshTokenHash))) {
      throw new InvalidGrantException('The refresh token is invalid or was already used');
    }
    return { access_token: issued.accessToken, token_type: 'Bearer', expires_in: issued.expiresIn, refresh_token: issued.refreshToken };
  }
}
