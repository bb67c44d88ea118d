import { Injectable } from '@nestjs/common';
import { ClientCredentialsTokenSource } from '@dsaas/auth';
import { DataPlaneConfig } from '../data-plane.config';
import { ControlPlaneUnreachableException } from './control-plane-unreachable.exception';

/** The data plane's own OAuth2 client (DATA_PLANE_CLIENT_ID/SECRET): a cached client_credentials token. */
@Injectable()
export class DataPlaneClientToken {
  private source?: ClientCredentialsTokenSource;

  constructor(private readonly config: DataPlaneConfig) {}

  configured(): boolean {
    return !!this.config.DATA_PLANE_CLIENT_ID && !!this.config.DATA_PLANE_CLIENT_SECRET;
  }

  token(): Promise<string> {
    if (!this.configured()) throw new ControlPlaneUnreachableException('DATA_PLANE_CLIENT_ID/DATA_PLANE_CLIENT_SECRET are not configured');
    this.source ??= new ClientCredentialsTokenSource({
      tokenUrl: this.tokenUrl(),
      clientId: this.config.DATA_PLANE_CLIENT_ID!,
      clientSecret: this.config.DATA_PLANE_CLIENT_SECRET!,
      timeoutMs: this.config.DATA_PLANE_CALL_TIMEOUT_MS,
      failure: (message) => new ControlPlaneUnreachableException(message),
    });
    return this.source.token();
  }

  tokenUrl(): string {
    const issuer = (this.config.AUTH_ISSUER_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
    return this.config.DATA_PLANE_TOKEN_URL ?? `${issuer}/oauth2/token`;
  }

  invalidate(): void {
    this.source?.invalidate();
  }

  /** fetch with the bearer token; one fresh token after a 401 (rotated keys, re-created client). */
  async fetch(url: string, init: RequestInit): Promise<Response> {
    const call = async () =>
      fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${await this.token()}` }, redirect: 'error', signal: AbortSignal.timeout(this.config.DATA_PLANE_CALL_TIMEOUT_MS) });
    let response = await call();
    if (response.status === 401) {
      this.invalidate();
      response = await call();
    }
    return response;
  }
}
