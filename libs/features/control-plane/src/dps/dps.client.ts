import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ClientCredentialsTokenSource } from '@dsaas/auth';
import { DpsSchemaName, dpsValidator } from '@dsaas/protocol-dps';
import { DspDataAddress, normalizeDataAddress } from '../transfer/data-address';
import { DataPlaneRejectedException } from './data-plane-rejected.exception';
import { DataPlaneUnavailableException } from './data-plane-unavailable.exception';
import { DspConfig } from '../dsp/dsp.config';
import { DpsConfig, dpsClientOf } from './dps.config';

/** What a data plane answered about a flow (DataFlowStatusMessage). */
export interface DataFlowStatus {
  state: string;
  /** 202: the data plane works on it and calls back (`started`, `prepared`). */
  async: boolean;
  /** The EDR (pull) the data plane issued, schema-normalized. */
  dataAddress?: DspDataAddress;
}

/** Where a data plane's signaling API is: its registered URL, with `/dataflows` appended when not given. */
export function dataflowsUrl(registeredUrl: string): string {
  const base = registeredUrl.replace(/\/+$/, '');
  return base.endsWith('/dataflows') ? base : `${base}/dataflows`;
}

/**
 * Data Plane Signaling, control plane → data plane: start, suspend, resume, terminate, completed. Every message is
 * validated against the DPS schema before it leaves; the answer of start/resume against DataFlowStatusMessage.
 * Calls carry the control plane's OAuth2 token (client_credentials, cached). 4xx → DataPlaneRejectedException
 * (final), network/5xx → DataPlaneUnavailableException (retry).
 */
@Injectable()
export class DpsClient {
  private readonly logger = new Logger('DpsClient');
  private tokens?: ClientCredentialsTokenSource;

  constructor(private readonly config: DpsConfig, private readonly dspConfig: DspConfig) {}

  /** `message`: a DataFlowStartMessage without messageId. */
  async start(dataPlaneUrl: string, message: Record<string, unknown>): Promise<DataFlowStatus> {
    const answer = await this.send(dataPlaneUrl, '/start', 'DataFlowStartMessage', { messageId: randomUUID(), ...message });
    return this.statusOf(answer, String(message.processId));
  }

  async resume(dataPlaneUrl: string, flowId: string): Promise<DataFlowStatus> {
    const answer = await this.send(dataPlaneUrl, `/${encodeURIComponent(flowId)}/resume`, 'DataFlowResumeMessage', { messageId: randomUUID() });
    return this.statusOf(answer, flowId);
  }

  async suspend(dataPlaneUrl: string, flowId: string, reason?: string): Promise<void> {
    await this.send(dataPlaneUrl, `/${encodeURIComponent(flowId)}/suspend`, 'DataFlowSuspendMessage', { messageId: randomUUID(), ...(reason ? { reason } : {}) });
  }

  /** A flow the data plane does not know (never started) counts as terminated. */
  async terminate(dataPlaneUrl: string, flowId: string, reason?: string): Promise<void> {
    await this.send(dataPlaneUrl, `/${encodeURIComponent(flowId)}/terminate`, 'DataFlowTerminateMessage', { messageId: randomUUID(), ...(reason ? { reason } : {}) }, [404]);
  }

  /** The consumer reported the transfer complete: the data plane ends the flow. */
  async completed(dataPlaneUrl: string, flowId: string): Promise<void> {
    await this.send(dataPlaneUrl, `/${encodeURIComponent(flowId)}/completed`, undefined, undefined, [404]);
  }

  private statusOf(answer: { status: number; body: unknown }, flowId: string): DataFlowStatus {
    const body = (answer.body && typeof answer.body === 'object' ? answer.body : {}) as Record<string, unknown>;
    const dataAddress = normalizeDataAddress(body.dataAddress);
    // The spec's own examples omit dataFlowId; the flow id is ours anyway.
    const message = { dataFlowId: flowId, ...body, ...(dataAddress ? { dataAddress } : {}) };
    if (body.dataAddress !== undefined && !dataAddress) delete (message as Record<string, unknown>).dataAddress;
    const validation = dpsValidator.validate('DataFlowStatusMessage', message);
    if (!validation.valid) {
      throw new DataPlaneRejectedException(`the data plane answered an invalid DataFlowStatusMessage: ${validation.errors.slice(0, 3).join('; ')}`, answer.status);
    }
    return { state: String(body.state), async: answer.status === 202, dataAddress };
  }

  private async send(
    dataPlaneUrl: string,
    path: string,
    schema: DpsSchemaName | undefined,
    message: Record<string, unknown> | undefined,
    toleratedStatuses: number[] = [],
  ): Promise<{ status: number; body: unknown }> {
    if (schema && message) dpsValidator.assertValid(schema, message);
    const url = `${dataflowsUrl(dataPlaneUrl)}${path}`;
    let response = await this.post(url, message, await this.accessToken());
    if (response.status === 401) {
      // Rotated keys or a revoked client at the authorization server: one fresh token, then give up.
      this.tokens?.invalidate();
      response = await this.post(url, message, await this.accessToken());
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text.slice(0, 300);
    }
    if (toleratedStatuses.includes(response.status)) return { status: response.status, body };
    if (response.status >= 500) throw new DataPlaneUnavailableException(`POST ${url} answered HTTP ${response.status}`);
    if (!response.ok) {
      this.logger.warn({ url, status: response.status }, 'data plane refused a signaling message');
      throw new DataPlaneRejectedException(`POST ${url} was refused with HTTP ${response.status}: ${JSON.stringify(body ?? '').slice(0, 300)}`, response.status);
    }
    return { status: response.status, body };
  }

  private async post(url: string, message: Record<string, unknown> | undefined, token: string): Promise<Response> {
    try {
      return await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, ...(message ? { 'content-type': 'application/json' } : {}) },
        body: message ? JSON.stringify(message) : undefined,
        redirect: 'error',
        signal: AbortSignal.timeout(this.config.DPS_CALL_TIMEOUT_MS),
      });
    } catch (error) {
      throw new DataPlaneUnavailableException(`POST ${url} failed: ${(error as Error)?.message ?? error}`);
    }
  }

  private async accessToken(): Promise<string> {
    const client = dpsClientOf(this.config, this.dspConfig);
    if (!client.clientId || !client.clientSecret) {
      throw new DataPlaneUnavailableException('DPS_CLIENT_ID/DPS_CLIENT_SECRET (or STS_CLIENT_ID/STS_CLIENT_SECRET) are not configured');
    }
    this.tokens ??= new ClientCredentialsTokenSource({
      tokenUrl: client.tokenUrl,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      timeoutMs: this.config.DPS_CALL_TIMEOUT_MS,
      failure: (message) => new DataPlaneUnavailableException(message),
    });
    return this.tokens.token();
  }
}
