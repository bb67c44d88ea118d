import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { dpsValidator } from '@dsaas/protocol-dps';
import { DataFlow } from '../flows/data-flow';
import { DataFlowState } from '../flows/data-flow-state';
import { DataPlaneClientToken } from './data-plane-client-token';
import { ControlPlaneUnreachableException } from './control-plane-unreachable.exception';

export type CallbackEvent = 'prepared' | 'started' | 'completed' | 'errored';

const ATTEMPTS = 5;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}

/**
 * DPS data plane → control plane: `POST {callbackAddress}/transfers/{id}/dataflow/{event}` with a
 * DataFlowStatusMessage, authenticated with the data plane's own OAuth2 client. Network errors and 5xx are
 * retried with backoff; a 4xx is final (the control plane refused, e.g. the transfer is already terminated).
 */
@Injectable()
export class ControlPlaneCallbackClient {
  private readonly logger = new Logger('ControlPlaneCallbackClient');

  constructor(private readonly client: DataPlaneClientToken) {}

  /** Answers true when the control plane took the callback. */
  async notify(flow: Pick<DataFlow, 'id' | 'participantContextId' | 'callbackAddress'>, event: CallbackEvent, state: DataFlowState, extra: Record<string, unknown> = {}): Promise<boolean> {
    if (!flow.callbackAddress) {
      this.logger.warn({ flowId: flow.id, participantContextId: flow.participantContextId, event }, 'flow has no callback address: control plane not told');
      return false;
    }
    const message = { messageId: randomUUID(), dataFlowId: flow.id, state, ...extra };
    dpsValidator.assertValid('DataFlowStatusMessage', message);
    const url = `${flow.callbackAddress.replace(/\/+$/, '')}/transfers/${encodeURIComponent(flow.id)}/dataflow/${event}`;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        const response = await this.client.fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) });
        if (response.ok) return true;
        const detail = (await response.text()).slice(0, 300);
        if (response.status < 500) {
          this.logger.warn({ flowId: flow.id, participantContextId: flow.participantContextId, event, status: response.status, detail }, 'control plane refused a callback');
          return false;
        }
        this.logger.warn({ flowId: flow.id, event, status: response.status, attempt }, 'control plane callback failed, retrying');
      } catch (error) {
        const detail = error instanceof ControlPlaneUnreachableException ? error.message : (error as Error)?.message;
        this.logger.warn({ flowId: flow.id, participantContextId: flow.participantContextId, event, attempt, detail }, 'control plane callback failed, retrying');
      }
      if (attempt < ATTEMPTS) await sleep(Math.min(200 * 2 ** attempt, 5_000));
    }
    return false;
  }
}
