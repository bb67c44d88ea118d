import { Injectable, Logger } from '@nestjs/common';
import { ClientCredentialsTokenSource } from '@dsaas/auth';
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

/**
 * Gets self-issued ID tokens for our contexts from the identity hub's STS (`POST /api/sts/token`), authenticated
 * with the control plane's own OAuth2 client (client_credentials, token cached until shortly before expiry).
 */
@Injectable()
export class StsClient {
  private readonly logger = new Logger('StsClient');
  private tokens?: ClientCredentialsTokenSource;

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
      this.tokens?.invalidate();
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

  /** The OAuth2 access token of the control plane's client (cached; concurrent callers share one request). */
  private async accessToken(): Promise<string> {
    const { STS_CLIENT_ID: clientId, STS_CLIENT_SECRET: clientSecret } = this.config;
    if (!clientId || !clientSecret) throw new DcpUnavailableException('STS_CLIENT_ID and STS_CLIENT_SECRET are not configured');
    this.tokens ??= new ClientCredentialsTokenSource({
      tokenUrl: stsTokenUrl(this.config),
      clientId,
      clientSecret,
      timeoutMs: this.config.DSP_CALL_TIMEOUT_MS,
      failure: (message) => new DcpUnavailableException(message),
    });
    return this.tokens.token();
  }
}

/** Token endpoint of the control plane's STS client: STS_TOKEN_URL, else `<AUTH_ISSUER_URL>/oauth2/token`. */
export function stsTokenUrl(config: Pick<DspConfig, 'STS_TOKEN_URL' | 'AUTH_ISSUER_URL'>): string {
  return config.STS_TOKEN_URL ?? `${(config.AUTH_ISSUER_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '')}/oauth2/token`;
}

function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
