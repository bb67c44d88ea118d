import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { DataPlaneMetrics } from '../common/data-plane-metrics';
import { DataPlaneConfig } from '../data-plane.config';
import { DataFlow } from '../flows/data-flow';
import { DataFlowRepository } from '../flows/data-flow.repository';
import { NatsSource } from '../sources/source-address';
import { NatsSubscription } from '../streaming/nats-subscription';

/** How often an open stream re-reads its flow: a suspend or terminate handled by another replica ends it too. */
const STATE_CHECK_MS = 2_000;

/**
 * A streaming pull: the NATS subject's messages as server-sent events (`data:` lines, UTF-8), open until the
 * flow is suspended or terminated or the consumer disconnects. Resume issues a new EDR; the consumer reconnects.
 */
@Injectable()
export class SseStream {
  constructor(
    private readonly config: DataPlaneConfig,
    private readonly flows: DataFlowRepository,
    private readonly metrics: DataPlaneMetrics,
  ) {}

  async serve(flow: DataFlow, source: NatsSource, response: Response, signal: AbortSignal): Promise<void> {
    const stop = new AbortController();
    const end = () => stop.abort();
    signal.addEventListener('abort', end, { once: true });
    response.on('close', end);
    const subscription = await NatsSubscription.open(source, this.config.STREAMING_NATS_URL ?? this.config.NATS_URL, stop.signal);
    const check = setInterval(async () => {
      const current = await this.flows.find(flow.id).catch(() => undefined);
      if (!current || current.state !== 'STARTED' || current.tokenGeneration !== flow.tokenGeneration) end();
    }, STATE_CHECK_MS);
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' });
    response.write(': stream open\n\n');
    let sequence = 0;
    let bytes = 0;
    try {
      for await (const payload of subscription.messages()) {
        const text = Buffer.from(payload).toString('utf8');
        response.write(`id: ${++sequence}\n${text.split(/\r?\n/).map((line) => `data: ${line}`).join('\n')}\n\n`);
        bytes += payload.byteLength;
        this.metrics.bytes(flow.participantContextId, flow.id, 'stream', payload.byteLength);
      }
    } finally {
      clearInterval(check);
      await subscription.close();
      await this.flows.addBytes(flow.id, bytes).catch(() => undefined);
      response.end();
    }
  }
}
