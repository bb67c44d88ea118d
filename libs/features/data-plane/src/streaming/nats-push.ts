import { Injectable } from '@nestjs/common';
import { DataPlaneMetrics } from '../common/data-plane-metrics';
import { DataPlaneConfig } from '../data-plane.config';
import { DataFlow } from '../flows/data-flow';
import { DspDataAddress } from '../flows/data-address';
import { NatsSource } from '../sources/source-address';
import { destinationRequest } from '../push/destination-request';
import { PushFailedException } from '../push/push-failed.exception';
import { NatsSubscription } from './nats-subscription';

/**
 * A streaming push: every message of the NATS subject is POSTed to the destination, one request per message,
 * until the flow is suspended or terminated (the signal). Answers the bytes delivered when it is stopped.
 */
@Injectable()
export class NatsPush {
  constructor(
    private readonly config: DataPlaneConfig,
    private readonly metrics: DataPlaneMetrics,
  ) {}

  async run(flow: DataFlow, source: NatsSource, destination: DspDataAddress, signal: AbortSignal, onDelivered: (bytes: number) => void): Promise<void> {
    const subscription = await NatsSubscription.open(source, this.config.STREAMING_NATS_URL ?? this.config.NATS_URL, signal);
    try {
      for await (const payload of subscription.messages()) {
        const target = destinationRequest(destination, 'application/octet-stream');
        const response = await fetch(target.url, { method: target.method, headers: target.headers, body: payload, redirect: 'error', signal }).catch((error) => {
          if (signal.aborted) return undefined;
          throw new PushFailedException(`writing a message to the destination failed: ${(error as Error)?.message ?? error}`);
        });
        if (!response) break;
        await response.body?.cancel().catch(() => undefined);
        if (!response.ok) throw new PushFailedException(`the destination answered HTTP ${response.status}`);
        this.metrics.request(flow.participantContextId, flow.id, 'stream');
        this.metrics.bytes(flow.participantContextId, flow.id, 'stream', payload.byteLength);
        onDelivered(payload.byteLength);
      }
    } finally {
      await subscription.close();
    }
  }
}
