import { Inject, Injectable } from '@nestjs/common';
import * as http from 'http';
import * as https from 'https';
import { Readable } from 'stream';
import { SECRET_STORE, SecretStore } from '@dsaas/secrets';
import { HttpSource } from './source-address';
import { SourceUnavailableException } from './source-unavailable.exception';

/** What the consumer asked for beyond the asset's own address (each part used only when the address allows it). */
export interface ProxiedRequest {
  path?: string;
  query?: string;
  method?: string;
  /** A string, or the consumer's request as a stream. */
  body?: string | Readable;
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

  /** The source's answer as a fetch Response (push: its web stream feeds the destination request). */
  async open(participantContextId: string, source: HttpSource, request: ProxiedRequest = {}): Promise<Response> {
    const target = await this.target(participantContextId, source, request);
    const body = typeof target.body === 'string' || target.body === undefined ? target.body : (Readable.toWeb(target.body) as unknown as ReadableStream<Uint8Array>);
    try {
      return await fetch(target.url, {
        method: target.method,
        headers: target.headers,
        body,
        // Streams as request bodies need half duplex (undici).
        ...(body !== undefined && typeof body !== 'string' ? { duplex: 'half' } : {}),
        redirect: 'follow',
        signal: request.signal,
      } as RequestInit);
    } catch (error) {
      throw new SourceUnavailableException(`the source could not be reached: ${(error as Error)?.message ?? error}`);
    }
  }

  /**
   * The source's answer as a Node stream (the proxy: piped to the consumer with Node's own backpressure, about three
   * times the throughput of a fetch web stream). Redirects are not followed: the consumer gets them as they are.
   */
  async openStream(participantContextId: string, source: HttpSource, request: ProxiedRequest = {}): Promise<http.IncomingMessage> {
    const target = await this.target(participantContextId, source, request);
    const client = target.url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const outgoing = client.request(target.url, { method: target.method, headers: target.headers, signal: request.signal }, resolve);
      outgoing.on('error', (error) => reject(new SourceUnavailableException(`the source could not be reached: ${error.message}`)));
      if (typeof target.body === 'string') outgoing.end(target.body);
      else if (target.body) target.body.pipe(outgoing);
      else outgoing.end();
    });
  }

  private async target(participantContextId: string, source: HttpSource, request: ProxiedRequest): Promise<{ url: URL; method: string; headers: Record<string, string>; body?: string | Readable }> {
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
    if (withBody && typeof request.body === 'string') headers['content-length'] = String(Buffer.byteLength(request.body));
    return { url, method, headers, body: withBody ? request.body : undefined };
  }
}
