import { Injectable } from '@nestjs/common';
import { getOrCreateCounter } from '@dsaas/telemetry';

const bytesPerFlow = getOrCreateCounter('dsaas_data_plane_flow_bytes_total', 'Bytes moved by the data plane per data flow (transfer process)', ['participant_context_id', 'flow_id', 'direction']);
const requestsPerFlow = getOrCreateCounter('dsaas_data_plane_flow_requests_total', 'Proxy requests and push deliveries per data flow', ['participant_context_id', 'flow_id', 'kind']);
const bytesPerContext = getOrCreateCounter('dsaas_data_plane_bytes_total', 'Bytes moved by the data plane per participant context (GB moved: a pricing dimension)', ['participant_context_id', 'direction']);
const requestsPerContext = getOrCreateCounter('dsaas_data_plane_requests_total', 'Proxy requests and push deliveries per participant context', ['participant_context_id', 'kind']);

/** `pull`: served through the proxy; `push`: written to a destination; `stream`: messages of a streaming flow. */
export type MeteredKind = 'pull' | 'push' | 'stream';

/** Metering of data flows (Prometheus): bytes and requests per flow and per participant context. */
@Injectable()
export class DataPlaneMetrics {
  bytes(participantContextId: string, flowId: string, kind: MeteredKind, bytes: number): void {
    if (bytes <= 0) return;
    bytesPerFlow.inc({ participant_context_id: participantContextId, flow_id: flowId, direction: kind }, bytes);
    bytesPerContext.inc({ participant_context_id: participantContextId, direction: kind }, bytes);
  }

  request(participantContextId: string, flowId: string, kind: MeteredKind): void {
    requestsPerFlow.inc({ participant_context_id: participantContextId, flow_id: flowId, kind });
    requestsPerContext.inc({ participant_context_id: participantContextId, kind });
  }
}
