import { Injectable } from '@nestjs/common';
import { DataPlaneMetrics } from '../common/data-plane-metrics';
import { DataFlow } from '../flows/data-flow';
import { DspDataAddress } from '../flows/data-address';
import { HttpSourceClient } from '../sources/http-source.client';
import { HttpSource } from '../sources/source-address';
import { countingStream } from './counting-stream';
import { destinationRequest } from './destination-request';
import { PushFailedException } from './push-failed.exception';

/**
 * One attempt of an HTTP push: the source body streams into the destination request (never held in memory).
 * Answers the bytes written; throws PushFailedException for anything short of a complete body the destination
 * accepted: a source error mid-way aborts the destination request, and a byte count different from the source's
 * Content-Length fails the attempt, so a truncated body is never reported complete.
 */
@Injectable()
export class HttpPush {
  constructor(
    private readonly sources: HttpSourceClient,
    private readonly metrics: DataPlaneMetrics,
  ) {}

  async once(flow: DataFlow, source: HttpSource, destination: DspDataAddress, signal: AbortSignal): Promise<number> {
    const response = await this.sources.open(flow.participantContextId, source, { signal });
    if (!response.ok || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      throw new PushFailedException(`the source answered HTTP ${response.status}`);
    }
    const lengthHeader = response.headers.get('content-length');
    const expected = lengthHeader !== null && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : undefined;
    let bytes = 0;
    const body = countingStream(response.body, (n) => {
      bytes += n;
      this.metrics.bytes(flow.participantContextId, flow.id, 'push', n);
    });
    const target = destinationRequest(destination, response.headers.get('content-type') ?? undefined);
    let written: Response;
    try {
      written = await fetch(target.url, { method: target.method, headers: target.headers, body, duplex: 'half', redirect: 'error', signal } as RequestInit);
    } catch (error) {
      throw new PushFailedException(`writing to the destination failed after ${bytes} bytes: ${(error as Error)?.message ?? error}`);
    }
    await written.body?.cancel().catch(() => undefined);
    this.metrics.request(flow.participantContextId, flow.id, 'push');
    if (!written.ok) throw new PushFailedException(`the destination answered HTTP ${written.status}`);
    if (expected !== undefined && bytes !== expected) throw new PushFailedException(`the source sent ${bytes} of ${expected} bytes`);
    return bytes;
  }
}
