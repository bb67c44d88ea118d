export interface ClientCredentialsOptions {
  /** The authorization server's token endpoint (`.../oauth2/token`). */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Timeout of one token request. */
  timeoutMs: number;
  /** Builds the error thrown when no token can be had (each caller maps it to its own DomainException). */
  failure: (message: string) => Error;
}

/** Renew a token this long before it expires, so no request goes out with a token about to lapse. */
const RENEW_MARGIN_MS = 30_000;

/**
 * An OAuth2 client_credentials access token of one client (Basic client authentication), cached until shortly
 * before it expires; concurrent callers share one token request. `invalidate()` after a 401 from the resource
 * server (keys rotated, client revoked) so the next call fetches a fresh token.
 */
export class ClientCredentialsTokenSource {
  private cached?: { value: string; expiresAt: number };
  private pending?: Promise<string>;

  constructor(private readonly options: ClientCredentialsOptions) {}

  async token(): Promise<string> {
    if (this.cached && this.cached.expiresAt - RENEW_MARGIN_MS > Date.now()) return this.cached.value;
    this.pending ??= this.fetchToken().finally(() => (this.pending = undefined));
    return this.pending;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  private async fetchToken(): Promise<string> {
    const { tokenUrl, clientId, clientSecret, timeoutMs, failure } = this.options;
    let response: Response;
    try {
      response = await fetch(tokenUrl, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw failure(`the token endpoint could not be reached: ${(error as Error)?.message ?? error}`);
    }
    let body: { access_token?: unknown; expires_in?: unknown } | undefined;
    try {
      body = JSON.parse(await response.text());
    } catch {
      body = undefined;
    }
    if (!response.ok || typeof body?.access_token !== 'string') {
      throw failure(`the token endpoint refused the client ${clientId} (HTTP ${response.status})`);
    }
    const ttlSeconds = typeof body.expires_in === 'number' ? body.expires_in : 300;
    this.cached = { value: body.access_token, expiresAt: Date.now() + ttlSeconds * 1000 };
    return body.access_token;
  }
}
