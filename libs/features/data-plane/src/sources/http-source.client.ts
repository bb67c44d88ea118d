import { Inject, Injectable } from '@nestjs/common';
import { SECRET_STORE, SecretStore } from '@dsaas/secrets';
import { HttpSource } from './source-address';
import { SourceUnavailableException } from './source-unavailable.exception';

/** What the consumer asked for beyond the asset's own address (each part used only when the address allows it). */
export interface ProxiedRequest {
  path?: string;
  query?: string;
  method?: string;
  body?: RequestInit['body'];
  contentType?: string;
  signal?: AbortSignal;
}

function joinPath(base: string, ...parts: (string | undefined)[]): string {
  let url = base;
  for (const part of parts) {
    if (!part) continue;
    url = `${url.replace(/\/+$/, '')}/${part.replace(/^\/+/, '')}`;
  }
  return url;
}

/**
 * Opens an HTTP source as a stream (fetch, the body is never buffered). The credential comes from the owning
 * context's SecretStore under the address's `secretName`; it goes into one request header and nowhere else.
 */
@Injectable()
export class HttpSourceClient {
  constructor(@Inject(SECRET_STORE) private readonly secrets: SecretStore) {}

  async open(participantContextId: string, source: HttpSource, request: ProxiedRequest = {}): Promise<Response> {
    const url = new URL(joinPath(source.baseUrl, source.path, source.proxyPath ? request.path : undefined));
    for (const query of [source.queryParams, source.proxyQueryParams ? request.query : undefined]) {
      if (query) for (const [name, value] of new URLSearchParams(query)) url.searchParams.append(name, value);
    }
    const method = source.proxyMethod && request.method ? request.method.toUpperCase() : source.method;
    const headers: Record<string, string> = { ...source.headers };
    if (source.secretName) {
      const credential = await this.secrets.get(participantContextId, source.secretName);
      if (credential === undefined) throw new SourceUnavailableException(`the source credential '${source.secretName}' is not in the participant context's secret store`);
      headers[source.authKey] = credential;
    }
    const withBody = source.proxyBody && request.body !== undefined && method !== 'GET' && method !== 'HEAD';
    if (withBody) headers['content-type'] = request.contentType ?? source.contentType ?? 'application/octet-stream';
    try {
      return await fetch(url, {
        method,
        headers,
        body: withBody ? request.body : undefined,
        // Streams as request bodies need half duplex (undici).
        ...(withBody ? { duplex: 'half' } : {}),
        redirect: 'follow',
        signal: request.signal,
      } as RequestInit);
    } catch (error) {
      throw new SourceUnavailableException(`the source could not be reached: ${(error as Error)?.message ?? error}`);
    }
  }
}
