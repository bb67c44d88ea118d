import { Injectable, Logger } from '@nestjs/common';
import { DspConfig } from '../dsp/dsp.config';
import { DcpUnavailableException } from './dcp-unavailable.exception';

export interface SelfIssuedTokenRequest {
  participantContextId: string;
  /** The counter-party's DID. */
  audience: string;
  /** Space-separated DCP scopes the counter-party may read from our credential service. */
  bearerAccessScope?: string;
  /** The counter-party's access token, passed back in the `token` claim (when we ask for its presentation). */
  token?: string;
}

interface CachedAccessToken {
  value: string;
  expiresAt: number;
}

/** Renew the OAuth2 token this long before it expires, so no request goes out with a token about to lapse. */
const RENEW_MARGIN_MS = 30_000;

/**
 * Gets self-issued ID tokens for our contexts from the identity hub's STS (`POST /api/sts/token`), authenticated
 * with the control plane's own OAuth2 client (client_credentials, token cached until shortly before expiry).
 */
@Injectable()
export class StsClient {
  private readonly logger = new Logger('StsClient');
  private cached?: CachedAccessToken;
  private pending?: Promise<string>;

  constructor(private readonly config: DspConfig) {}

  async selfIssuedToken(request: SelfIssuedTokenRequest): Promise<string> {
    const hub = this.config.IDENTITY_HUB_URL;
    if (!hub) throw new DcpUnavailableException('IDENTITY_HUB_URL is not configured: the control plane cannot obtain self-issued tokens');
    const body = {
      participantContextId: request.participantContextId,
      audience: request.audience,
      ...(request.bearerAccessScope ? { bearerAccessScope: request.bearerAccessScope } : {}),
      ...(request.token ? { token: request.token } : {}),
    };
    let response = await this.callSts(hub, body, await this.accessToken());
    if (response.status === 401) {
      // Revoked or rotated keys at the authorization server: one fresh token, then give up.
      this.cached = undefined;
      response = await this.callSts(hub, body, await this.accessToken());
    }
    const text = await response.text();
    if (!response.ok) {
      this.logger.warn({ participantContextId: request.participantContextId, status: response.status }, 'STS refused a token');
      throw new DcpUnavailableException(`the STS answered HTTP ${response.status}: ${text.slice(0, 300)}`);
    }
    const token = safeJson(text)?.access_token;
    if (typeof token !== 'string') throw new DcpUnavailableException('the STS answer has no access_token');
    return token;
  }

  private async callSts(hub: string, body: object, accessToken: string): Promise<Response> {
    try {
      return await fetch(`${hub.replace(/\/+$/, '')}/api/sts/token`, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        redirect: 'error',
        signal: AbortSignal.timeout(this.config.DSP_CALL_TIMEOUT_MS),
      });
    } catch (error) {
      throw new DcpUnavailableException(`the STS could not be reached: ${(error as Error)?.message ?? error}`);
    }
  }

  /** The OAuth2 access token of the control plane's client; concurrent callers share one token request. */
  private async accessToken(): Promise<string> {
    if (this.cached && this.cached.expiresAt - RENEW_MARGIN_MS > Date.now()) return this.cached.value;
    this.pending ??= this.fetchAccessToken().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async fetchAccessToken(): Promise<string> {
    const { STS_CLIENT_ID: clientId, STS_CLIENT_SECRET: secret } = this.config;
    if (!clientId || !secret) throw new DcpUnavailableException('STS_CLIENT_ID and STS_CLIENT_SECRET are not configured');
    const tokenUrl = this.config.STS_TOKEN_URL ?? `${(this.config.AUTH_ISSUER_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '')}/oauth2/token`;
    let response: Response;
    try {
      response = await fetch(tokenUrl, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
        signal: AbortSignal.timeout(this.config.DSP_CALL_TIMEOUT_MS),
      });
    } catch (error) {
      throw new DcpUnavailableException(`the token endpoint could not be reached: ${(error as Error)?.message ?? error}`);
    }
    const body = safeJson(await response.text());
    if (!response.ok || typeof body?.access_token !== 'string') {
      throw new DcpUnavailableException(`the token endpoint refused the control plane's client (HTTP ${response.status})`);
    }
    const ttl = typeof body.expires_in === 'number' ? body.expires_in : 300;
    this.cached = { value: body.access_token, expiresAt: Date.now() + ttl * 1000 };
    return body.access_token;
  }
}

function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
