import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { ClientsService } from '../clients/clients.service';
import { AUTH_SERVER_OPTIONS, ResolvedAuthServerOptions } from '../config/auth-server-options';
import { SigningKeysService } from '../keys/signing-keys.service';
import { OAuthError } from './oauth-error';

export interface TokenRequest {
  grantType?: string;
  scope?: string;
  clientId: string;
  clientSecret: string;
}

export interface IssuedToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

/** The client_credentials grant: authenticate the client, narrow the scope, sign an access token. */
@Injectable()
export class TokenService {
  private readonly logger = new Logger(TokenService.name);

  constructor(
    private readonly clients: ClientsService,
    private readonly keys: SigningKeysService,
    @Inject(AUTH_SERVER_OPTIONS) private readonly options: ResolvedAuthServerOptions,
  ) {}

  async issue(request: TokenRequest): Promise<IssuedToken> {
    const client = await this.clients.authenticate(request.clientId, request.clientSecret);
    if (!client) {
      this.logger.warn({ clientId: request.clientId }, 'client authentication failed');
      throw new OAuthError('invalid_client', 'Client authentication failed', true);
    }
    if (!request.grantType) throw new OAuthError('invalid_request', 'grant_type is required');
    if (request.grantType !== 'client_credentials') {
      throw new OAuthError('unsupported_grant_type', 'Only the client_credentials grant is supported');
    }
    const scopes = this.grantedScopes(request.scope, client.scopes);
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await this.keys.sign({
      iss: this.options.issuer,
      sub: client.clientId,
      aud: this.options.audience,
      iat: now,
      exp: now + this.options.tokenTtlSeconds,
      jti: randomUUID(),
      client_id: client.clientId,
      role: client.role,
      ...(client.participantContextId ? { participant_context_id: client.participantContextId } : {}),
      scope: scopes.join(' '),
    });
    return { access_token: accessToken, token_type: 'Bearer', expires_in: this.options.tokenTtlSeconds, scope: scopes.join(' ') };
  }

  /** Without `scope`, everything the client holds; with it, a subset or nothing (RFC 6749 §3.3). */
  private grantedScopes(requested: string | undefined, allowed: string[]): string[] {
    const asked = (requested ?? '').split(' ').filter(Boolean);
    if (asked.length === 0) return allowed;
    const unknown = asked.filter((s) => !allowed.includes(s));
    if (unknown.length) throw new OAuthError('invalid_scope', `The client may not request: ${unknown.join(' ')}`);
    return [...new Set(asked)];
  }
}
