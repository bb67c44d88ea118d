import { Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ValidationException } from '@dsaas/model';
import { Readable, Transform } from 'stream';
import { pipeline } from 'stream/promises';
import { DataPlaneMetrics } from '../common/data-plane-metrics';
import { EdrAccessDeniedException } from '../edr/edr-access-denied.exception';
import { EdrTokenService } from '../edr/edr-token.service';
import { InvalidEdrTokenException } from '../edr/invalid-edr-token.exception';
import { ActiveTransfers } from '../flows/active-transfers';
import { DataFlow } from '../flows/data-flow';
import { DataFlowRepository } from '../flows/data-flow.repository';
import { HttpSourceClient } from '../sources/http-source.client';
import { HttpSource, parseSourceAddress } from '../sources/source-address';
import { MethodNotAllowedException } from './method-not-allowed.exception';
import { SseStream } from './sse-stream';

/** Response headers of the source passed on to the consumer (never its cookies or auth challenges). */
const PASSED_HEADERS = ['content-type', 'content-length', 'content-disposition', 'content-language', 'etag', 'last-modified', 'cache-control', 'expires'];

/**
 * The public data proxy of pull flows. Every request: the EDR token (signature, expiry, `aud` = this flow, the
 * flow running and the token's generation current), then the source response is streamed through (backpressure,
 * no buffering). Suspend/terminate abort running responses of this process; any later request is refused.
 */
@Injectable()
export class PublicProxyService {
  private readonly logger = new Logger('PublicProxy');

  constructor(
    private readonly tokens: EdrTokenService,
    private readonly flows: DataFlowRepository,
    private readonly sources: HttpSourceClient,
    private readonly active: ActiveTransfers,
    private readonly metrics: DataPlaneMetrics,
    private readonly sse: SseStream,
  ) {}

  async serve(flowId: string, request: Request, response: Response): Promise<void> {
    const flow = await this.authorize(flowId, request.headers.authorization);
    const source = parseSourceAddress(flow.source);
    this.metrics.request(flow.participantContextId, flow.id, source.type === 'NATS' ? 'stream' : 'pull');
    const tracked = this.active.track(flow.id);
    response.on('close', () => tracked.done());
    if (source.type === 'NATS') return this.sse.serve(flow, source, response, tracked.signal);
    return this.proxyHttp(flow, source, request, response, tracked.signal);
  }

  private async authorize(flowId: string, authorization: string | undefined): Promise<DataFlow> {
    const token = authorization?.replace(/^Bearer\s+/i, '').trim();
    if (!token) throw new InvalidEdrTokenException('An EDR access token is required');
    const claims = await this.tokens.verify(token);
    if (claims.flowId !== flowId) throw new EdrAccessDeniedException('The access token was issued for another data flow');
    const flow = await this.flows.find(flowId);
    if (!flow || flow.agreementId !== claims.agreementId) throw new EdrAccessDeniedException('The access token was issued for another data flow');
    if (flow.state !== 'STARTED') throw new EdrAccessDeniedException(`The data flow is ${flow.state.toLowerCase()}`);
    if (claims.generation !== flow.tokenGeneration) throw new EdrAccessDeniedException('The access token was revoked');
    return flow;
  }

  private async proxyHttp(flow: DataFlow, source: HttpSource, request: Request, response: Response, signal: AbortSignal): Promise<void> {
    const method = request.method.toUpperCase();
    if (!source.proxyMethod && method !== 'GET' && method !== 'HEAD' && method !== source.method) {
      throw new MethodNotAllowedException(`This data address does not pass method ${method} through (proxyMethod is not "true")`);
    }
    const url = new URL(request.originalUrl, 'http://proxy');
    const prefix = `/api/public/${encodeURIComponent(flow.id)}`;
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : '';
    const upstream = await this.sources.openStream(flow.participantContextId, source, {
      path: safePath(path),
      query: url.search.slice(1),
      method,
      body: source.proxyBody ? requestBody(request) : undefined,
      contentType: request.headers['content-type'],
      signal,
    });
    response.status(upstream.statusCode ?? 502);
    for (const name of PASSED_HEADERS) {
      const value = upstream.headers[name];
      if (value !== undefined) response.setHeader(name, value);
    }
    if (method === 'HEAD') {
      upstream.resume();
      response.end();
      return;
    }
    let bytes = 0;
    const meter = new Transform({
      transform: (chunk: Buffer, _encoding, callback) => {
        bytes += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      await pipeline(upstream, meter, response);
    } catch (error) {
      // The consumer went away or the flow was stopped: the response is cut, which the consumer sees.
      if (!signal.aborted && !response.destroyed) this.logger.warn({ flowId: flow.id, participantContextId: flow.participantContextId, detail: (error as Error)?.message }, 'proxy stream broke');
      response.destroy();
    } finally {
      this.metrics.bytes(flow.participantContextId, flow.id, 'pull', bytes);
      await this.flows.addBytes(flow.id, bytes).catch(() => undefined);
    }
  }
}

/** The consumer's sub-path, decoded; dot segments (which would climb above the asset's path) and bad escapes are refused. */
function safePath(path: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    throw new ValidationException('The request path is invalid', ['the path has a malformed percent-escape']);
  }
  if (decoded.split(/[/\\]/).some((segment) => segment === '.' || segment === '..')) {
    throw new ValidationException('The request path is invalid', ['the path must not contain "." or ".." segments']);
  }
  return decoded;
}

/**
 * The consumer's body for the source. JSON and form bodies were already read by the server's body parsers (limit
 * MAX_BODY_SIZE) and are serialised again; any other content type streams through untouched.
 */
function requestBody(request: Request): string | Readable | undefined {
  if (request.readableEnded) {
    if (request.body === undefined) return undefined;
    const type = request.headers['content-type'] ?? '';
    if (type.includes('application/x-www-form-urlencoded')) return new URLSearchParams(request.body as Record<string, string>).toString();
    return JSON.stringify(request.body);
  }
  if (!request.headers['content-length'] && !request.headers['transfer-encoding']) return undefined;
  return request;
}

