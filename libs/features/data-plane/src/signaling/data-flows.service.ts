import { Inject, Injectable, Logger } from '@nestjs/common';
import { dpsValidator } from '@dsaas/protocol-dps';
import { Principal, reachesAnyContext } from '@dsaas/auth';
import { ValidationException } from '@dsaas/model';
import { SECRET_STORE, SecretStore } from '@dsaas/secrets';
import { DataPlaneConfig, servedContexts } from '../data-plane.config';
import { DataPlaneUrls } from '../common/data-plane-urls';
import { EdrTokenService } from '../edr/edr-token.service';
import { ActiveTransfers } from '../flows/active-transfers';
import { destinationSecretKey, DspDataAddress } from '../flows/data-address';
import { DataFlow } from '../flows/data-flow';
import { DataFlowNotFoundException } from '../flows/data-flow-not-found.exception';
import { DataFlowRepository } from '../flows/data-flow.repository';
import { DataFlowState, isFinal } from '../flows/data-flow-state';
import { FlowRefusedException } from '../flows/flow-refused.exception';
import { InvalidFlowStateException } from '../flows/invalid-flow-state.exception';
import { FlowRunner } from '../push/flow-runner';
import { DataFlowStatusMessage, statusMessage } from './data-flow-status';
import { readStartRequest, StartRequest, validDpsMessage } from './start-request';

/**
 * DPS data plane side: prepare, start, started, suspend, resume, terminate, completed, status. Idempotent on the
 * flow id (= transfer process id); a flow of another participant context answers as a missing one.
 */
@Injectable()
export class DataFlowsService {
  private readonly logger = new Logger('DataFlowsService');

  constructor(
    private readonly flows: DataFlowRepository,
    private readonly tokens: EdrTokenService,
    private readonly urls: DataPlaneUrls,
    private readonly active: ActiveTransfers,
    private readonly runner: FlowRunner,
    private readonly config: DataPlaneConfig,
    @Inject(SECRET_STORE) private readonly secrets: SecretStore,
  ) {}

  async prepare(principal: Principal, body: unknown): Promise<DataFlowStatusMessage> {
    const request = readStartRequest(body, 'DataFlowPrepareMessage');
    const { flow } = await this.flows.insertIfAbsent(this.newFlow(principal, request, 'PREPARED'));
    this.assertOwned(principal, flow);
    return statusMessage(flow.id, flow.state);
  }

  async start(principal: Principal, body: unknown): Promise<DataFlowStatusMessage> {
    const request = readStartRequest(body, 'DataFlowStartMessage');
    const { flow, created } = await this.flows.insertIfAbsent(this.newFlow(principal, request, 'STARTED'));
    this.assertOwned(principal, flow);
    if (!created) {
      if (flow.state === 'PREPARED' || flow.state === 'INITIALIZED') await this.flows.transition(flow.id, [flow.state], 'STARTED');
      else if (flow.state !== 'STARTED') throw new InvalidFlowStateException(`Data flow '${flow.id}' is ${flow.state}: start does not apply`);
    }
    if (request.destination) await this.secrets.put(flow.participantContextId, destinationSecretKey(flow.id), JSON.stringify(request.destination));
    const started = (await this.flows.find(flow.id))!;
    this.logger.log({ flowId: flow.id, participantContextId: flow.participantContextId, kind: flow.kind, transferType: flow.transferType, repeat: !created }, 'data flow started');
    return this.running(started);
  }

  /** Consumer side: the provider's data plane started the flow we prepared. */
  async started(principal: Principal, id: string, body: unknown): Promise<DataFlowStatusMessage> {
    validDpsMessage('DataFlowStartedNotificationMessage', body);
    const flow = await this.owned(principal, id);
    if (flow.state === 'STARTED') return statusMessage(flow.id, flow.state);
    if (!(await this.flows.transition(id, ['PREPARED', 'STARTING', 'INITIALIZED'], 'STARTED'))) {
      throw new InvalidFlowStateException(`Data flow '${id}' is ${flow.state}: started does not apply`);
    }
    return statusMessage(id, 'STARTED');
  }

  async suspend(principal: Principal, id: string, body: unknown): Promise<DataFlowStatusMessage> {
    dpsValidator.assertValid('DataFlowSuspendMessage', body);
    const flow = await this.owned(principal, id);
    if (flow.state === 'SUSPENDED') return statusMessage(id, flow.state);
    if (!(await this.flows.transition(id, ['STARTED', 'STARTING'], 'SUSPENDED', { revoke: true, releaseLease: true }))) {
      throw new InvalidFlowStateException(`Data flow '${id}' is ${flow.state}: suspend does not apply`);
    }
    this.active.stop(id, 'the data flow was suspended');
    this.logger.log({ flowId: id, participantContextId: flow.participantContextId, reason: (body as { reason?: string }).reason }, 'data flow suspended');
    return statusMessage(id, 'SUSPENDED');
  }

  async resume(principal: Principal, id: string, body: unknown): Promise<DataFlowStatusMessage> {
    dpsValidator.assertValid('DataFlowResumeMessage', body);
    const flow = await this.owned(principal, id);
    if (flow.state !== 'STARTED' && !(await this.flows.transition(id, ['SUSPENDED'], 'STARTED'))) {
      throw new InvalidFlowStateException(`Data flow '${id}' is ${flow.state}: resume does not apply`);
    }
    this.logger.log({ flowId: id, participantContextId: flow.participantContextId }, 'data flow resumed');
    return this.running((await this.flows.find(id))!);
  }

  async terminate(principal: Principal, id: string, body: unknown): Promise<DataFlowStatusMessage> {
    dpsValidator.assertValid('DataFlowTerminateMessage', body);
    return this.end(principal, id, 'TERMINATED', (body as { reason?: string }).reason);
  }

  /** The consumer reported the transfer complete. */
  async completed(principal: Principal, id: string): Promise<DataFlowStatusMessage> {
    return this.end(principal, id, 'COMPLETED');
  }

  async status(principal: Principal, id: string): Promise<{ dataFlowId: string; state: DataFlowState }> {
    const flow = await this.owned(principal, id);
    return { dataFlowId: flow.id, state: flow.state };
  }

  private async end(principal: Principal, id: string, to: 'TERMINATED' | 'COMPLETED', reason?: string): Promise<DataFlowStatusMessage> {
    const flow = await this.owned(principal, id);
    if (!isFinal(flow.state)) {
      const from: DataFlowState[] = ['INITIALIZED', 'PREPARING', 'PREPARED', 'STARTING', 'STARTED', 'SUSPENDED'];
      await this.flows.transition(id, from, to, { revoke: true, releaseLease: true, ...(reason ? { error: reason } : {}) });
    }
    this.active.stop(id, `the data flow was ${to.toLowerCase()}`);
    await this.secrets.delete(flow.participantContextId, destinationSecretKey(id));
    const current = (await this.flows.find(id))!;
    this.logger.log({ flowId: id, participantContextId: flow.participantContextId, state: current.state, reason }, 'data flow ended');
    return statusMessage(id, current.state);
  }

  /** A STARTED flow: pull → a fresh EDR (earlier refresh tokens stop working); push → the runner takes it. */
  private async running(flow: DataFlow): Promise<DataFlowStatusMessage> {
    if (flow.kind === 'PUSH') {
      this.runner.run(flow);
      return statusMessage(flow.id, 'STARTED');
    }
    const edr = await this.tokens.issue(flow);
    await this.flows.setRefreshTokenHash(flow.id, edr.refreshTokenHash);
    return statusMessage(flow.id, 'STARTED', this.edrAddress(flow.id, edr));
  }

  private edrAddress(flowId: string, edr: { accessToken: string; refreshToken: string; expiresIn: number }): DspDataAddress {
    const property = (name: string, value: string) => ({ '@type': 'EndpointProperty' as const, name, value });
    return {
      '@type': 'DataAddress',
      endpointType: 'https://w3id.org/idsa/v4.1/HTTP',
      endpoint: this.urls.publicEndpoint(flowId),
      endpointProperties: [
        property('authorization', edr.accessToken),
        property('authType', 'bearer'),
        property('expiresIn', String(edr.expiresIn)),
        property('refreshToken', edr.refreshToken),
        property('refreshEndpoint', this.urls.refreshEndpoint()),
        property('flowId', flowId),
      ],
    };
  }

  private newFlow(principal: Principal, request: StartRequest, state: DataFlowState) {
    return {
      id: request.processId,
      participantContextId: this.contextOf(principal, request),
      state,
      kind: request.kind,
      profile: request.profile,
      transferType: request.transferType,
      agreementId: request.agreementId,
      datasetId: request.datasetId,
      counterPartyId: request.counterPartyId,
      callbackAddress: request.callbackAddress,
      source: request.sourceAddress,
    };
  }

  /** The context the flow runs for: named in metadata, or the caller's own; an edge data plane serves only its own. */
  private contextOf(principal: Principal, request: StartRequest): string {
    const served = servedContexts(this.config);
    const named = request.participantContextId ?? (reachesAnyContext(principal) ? (served.length === 1 ? served[0] : undefined) : principal.participantContextId);
    if (!named) throw new ValidationException('The message is invalid', ['metadata.participantContextId is required']);
    if (!reachesAnyContext(principal) && named !== principal.participantContextId) {
      throw new FlowRefusedException(`A participant may only start flows of its own participant context`);
    }
    if (served.length && !served.includes(named)) {
      throw new FlowRefusedException(`This data plane serves only the participant context(s) ${served.join(', ')}`);
    }
    return named;
  }

  private async owned(principal: Principal, id: string): Promise<DataFlow> {
    const flow = await this.flows.find(id);
    if (!flow) throw new DataFlowNotFoundException(id);
    this.assertOwned(principal, flow);
    return flow;
  }

  private assertOwned(principal: Principal, flow: DataFlow): void {
    if (!reachesAnyContext(principal) && principal.participantContextId !== flow.participantContextId) throw new DataFlowNotFoundException(flow.id);
  }
}
