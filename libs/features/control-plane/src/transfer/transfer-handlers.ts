import { Injectable, Logger } from '@nestjs/common';
import { AssetRepository } from '../assets/asset.repository';
import { scopesFor } from '../dcp-client/dcp-scopes';
import { DataPlaneRejectedException } from '../dps/data-plane-rejected.exception';
import { dataFlowStartMessage } from '../dps/data-flow-start-message';
import { DataPlaneSelector } from '../dps/data-plane.selector';
import { DpsClient } from '../dps/dps.client';
import { DpsConfig } from '../dps/dps.config';
import { NoCapableDataPlaneException } from '../dps/no-capable-data-plane.exception';
import { CounterPartyRejectedException } from '../dsp/counter-party-rejected.exception';
import { DspAddresses } from '../dsp/dsp-addresses';
import { DspConfig } from '../dsp/dsp.config';
import { DspHttpClient } from '../dsp/dsp-http.client';
import { DspParticipantContextRepository } from '../dsp/dsp-participant-context.repository';
import { DataAddressSecrets } from './data-address-secrets';
import { counterPartyPid, TransferProcess } from './transfer-process';
import { TRANSFER_MESSAGE_PATHS, TransferEndMessageType, transferEndMessage, transferRequestMessage, transferStartMessage } from './transfer-messages';
import { TransferState } from './transfer-state';
import { TransferStep } from './transfer-step';

const S = TransferState;
/** Data flow states after which nothing needs stopping at the data plane. */
const FLOW_OVER = ['COMPLETED', 'TERMINATED'];

/**
 * What the state-machine worker does for a leased transfer process in each `-ING` state (and a provider's
 * REQUESTED): signal the data plane (DPS) and/or send the DSP message, then name the next state. Retryable
 * failures (network, 5xx) are thrown for the worker to retry with backoff; refusals end the process.
 */
@Injectable()
export class TransferHandlers {
  private readonly logger = new Logger('TransferHandlers');

  constructor(
    private readonly dsp: DspHttpClient,
    private readonly dps: DpsClient,
    private readonly selector: DataPlaneSelector,
    private readonly contexts: DspParticipantContextRepository,
    private readonly assets: AssetRepository,
    private readonly addresses: DataAddressSecrets,
    private readonly dspAddresses: DspAddresses,
    private readonly dspConfig: DspConfig,
    private readonly dpsConfig: DpsConfig,
  ) {}

  async handle(process: TransferProcess): Promise<TransferStep | undefined> {
    switch (process.state) {
      case S.REQUESTING:
        return this.request(process);
      case S.REQUESTED:
        return process.role === 'PROVIDER' ? this.startDataFlow(process) : undefined;
      case S.STARTING:
        return this.sendStart(process);
      case S.RESUMING:
        return process.role === 'PROVIDER' ? this.resumeDataFlow(process) : this.requestResume(process);
      case S.SUSPENDING:
        await this.signalDataPlane(process, 'suspend');
        await this.tellCounterParty(process, 'TransferSuspensionMessage');
        return { to: S.SUSPENDED, changes: process.role === 'PROVIDER' ? { dataFlowState: 'SUSPENDED' } : {} };
      case S.SUSPENDING_REQUESTED:
        await this.signalDataPlane(process, 'suspend');
        return { to: S.SUSPENDED, changes: { dataFlowState: 'SUSPENDED' } };
      case S.COMPLETING:
        await this.signalDataPlane(process, 'completed');
        await this.tellCounterParty(process, 'TransferCompletionMessage');
        return this.finish(process, S.COMPLETED);
      case S.COMPLETING_REQUESTED:
        await this.signalDataPlane(process, 'completed');
        return this.finish(process, S.COMPLETED);
      case S.TERMINATING:
        await this.signalDataPlane(process, 'terminate');
        try {
          await this.tellCounterParty(process, 'TransferTerminationMessage');
        } catch (error) {
          // The counter-party refusing our termination (it may have ended the process already) does not keep ours alive.
          if (!(error instanceof CounterPartyRejectedException)) throw error;
          this.logger.warn({ participantContextId: process.participantContextId, transferProcessId: process.id, detail: error.message }, 'termination refused by the counter-party');
        }
        return this.finish(process, S.TERMINATED);
      case S.TERMINATING_REQUESTED:
        await this.signalDataPlane(process, 'terminate');
        return this.finish(process, S.TERMINATED);
      default:
        return undefined;
    }
  }

  /** Consumer: TransferRequestMessage to the provider; its TransferProcess answer names the providerPid. */
  private async request(process: TransferProcess): Promise<TransferStep> {
    const context = await this.contexts.get(process.participantContextId);
    const destination = process.dataDestination ? await this.addresses.get(process.participantContextId, process.id, 'destination') : undefined;
    try {
      const answer = await this.dsp.call({
        participantContextId: process.participantContextId,
        counterPartyId: process.counterPartyId,
        method: 'POST',
        url: `${process.counterPartyAddress}/transfers/request`,
        body: transferRequestMessage(process, this.dspAddresses.endpoint(context.participantContextId, context.properties), destination),
        requestSchema: 'TransferRequestMessage',
        responseSchema: 'TransferProcess',
        scopes: scopesFor(this.dspConfig.DCP_DEFAULT_SCOPES),
      });
      const providerPid = (answer.body as { providerPid: string }).providerPid;
      return { to: S.REQUESTED, changes: { providerPid } };
    } catch (error) {
      // The provider refused the request: there is no process on its side to tell.
      if (error instanceof CounterPartyRejectedException) return this.finish(process, S.TERMINATED, error.message);
      throw error;
    }
  }

  /** Provider: DPS start on a capable data plane; a pull flow's EDR comes back now (200) or with the `started` callback (202). */
  private async startDataFlow(process: TransferProcess): Promise<TransferStep> {
    const context = await this.contexts.get(process.participantContextId);
    const asset = process.assetId ? await this.assets.find(process.participantContextId, process.assetId) : undefined;
    const sourceType = typeof asset?.dataAddress.type === 'string' ? asset.dataAddress.type : undefined;
    const destination = process.dataDestination ? await this.addresses.get(process.participantContextId, process.id, 'destination') : undefined;
    try {
      const { dataPlane, result } = await this.selector.onFirstAvailable(process.participantContextId, sourceType, process.transferType, (candidate) =>
        this.dps.start(
          candidate.url,
          dataFlowStartMessage({
            process,
            participantId: context.did,
            dataspaceContext: this.dpsConfig.DPS_DATASPACE_CONTEXT,
            callbackAddress: `${this.dspAddresses.baseUrl()}/api/signaling/v1`,
            sourceDataAddress: asset?.dataAddress ?? {},
            destination,
          }),
        ),
      );
      if (result.async) return { to: S.STARTUP_REQUESTED, changes: { dataPlaneId: dataPlane.id, dataFlowState: result.state } };
      const contentDataAddress = result.dataAddress ? await this.addresses.put(process.participantContextId, process.id, 'edr', result.dataAddress) : undefined;
      return { to: S.STARTING, changes: { dataPlaneId: dataPlane.id, dataFlowState: 'STARTED', contentDataAddress } };
    } catch (error) {
      // No data plane can (or will) run it: the consumer is told with a termination.
      if (error instanceof NoCapableDataPlaneException || error instanceof DataPlaneRejectedException) {
        return { to: S.TERMINATING, changes: { reason: error.message, errorDetail: error.message, dataFlowState: 'TERMINATED' } };
      }
      throw error;
    }
  }

  /** Provider: resume the data flow; a fresh EDR may come with it. Then the start goes to the consumer. */
  private async resumeDataFlow(process: TransferProcess): Promise<TransferStep> {
    const dataPlane = process.dataPlaneId ? await this.selector.find(process.participantContextId, process.dataPlaneId) : undefined;
    if (!dataPlane) return { to: S.TERMINATING, changes: { reason: 'the data plane of the transfer is no longer registered', errorDetail: 'data plane gone' } };
    const status = await this.dps.resume(dataPlane.url, process.id);
    const contentDataAddress = status.dataAddress ? await this.addresses.put(process.participantContextId, process.id, 'edr', status.dataAddress) : undefined;
    return { to: S.STARTING, changes: { dataFlowState: 'STARTED', ...(contentDataAddress ? { contentDataAddress } : {}) } };
  }

  /** Provider: TransferStartMessage to the consumer, with the EDR for pull. */
  private async sendStart(process: TransferProcess): Promise<TransferStep> {
    const edr = process.contentDataAddress ? await this.addresses.get(process.participantContextId, process.id, 'edr') : undefined;
    await this.dsp.call({
      participantContextId: process.participantContextId,
      counterPartyId: process.counterPartyId,
      method: 'POST',
      url: `${process.counterPartyAddress}/transfers/${encodeURIComponent(process.consumerPid)}/start`,
      body: transferStartMessage(process, edr),
      requestSchema: 'TransferStartMessage',
      scopes: scopesFor(this.dspConfig.DCP_DEFAULT_SCOPES),
    });
    // The data plane may have finished (a fast push) while the start was on its way: the completion follows.
    return { to: process.dataFlowState === 'COMPLETED' ? S.COMPLETING : S.STARTED };
  }

  /** Consumer: asks the provider to restart a suspended transfer (TransferStartMessage without address). */
  private async requestResume(process: TransferProcess): Promise<TransferStep> {
    await this.dsp.call({
      participantContextId: process.participantContextId,
      counterPartyId: process.counterPartyId,
      method: 'POST',
      url: `${process.counterPartyAddress}/transfers/${encodeURIComponent(process.providerPid ?? '')}/start`,
      body: transferStartMessage(process),
      requestSchema: 'TransferStartMessage',
      scopes: scopesFor(this.dspConfig.DCP_DEFAULT_SCOPES),
    });
    return { to: S.RESUME_REQUESTED };
  }

  /** Provider only: the DPS call for the data flow, skipped when no flow runs (never started, already over). */
  private async signalDataPlane(process: TransferProcess, signal: 'suspend' | 'completed' | 'terminate'): Promise<void> {
    if (process.role !== 'PROVIDER' || !process.dataPlaneId || FLOW_OVER.includes(process.dataFlowState ?? '')) return;
    if (signal === 'suspend' && process.dataFlowState === 'SUSPENDED') return;
    const dataPlane = await this.selector.find(process.participantContextId, process.dataPlaneId);
    if (!dataPlane) return;
    if (signal === 'suspend') await this.dps.suspend(dataPlane.url, process.id, process.reason);
    else if (signal === 'completed') await this.dps.completed(dataPlane.url, process.id);
    else await this.dps.terminate(dataPlane.url, process.id, process.reason);
  }

  /** The DSP message about an existing process to the counter-party (skipped when it never learnt of the process). */
  private async tellCounterParty(process: TransferProcess, type: TransferEndMessageType): Promise<void> {
    const theirPid = counterPartyPid(process);
    if (!theirPid) return;
    await this.dsp.call({
      participantContextId: process.participantContextId,
      counterPartyId: process.counterPartyId,
      method: 'POST',
      url: `${process.counterPartyAddress}/transfers/${encodeURIComponent(theirPid)}/${TRANSFER_MESSAGE_PATHS[type]}`,
      body: transferEndMessage(type, process, process.reason),
      requestSchema: type,
      scopes: scopesFor(this.dspConfig.DCP_DEFAULT_SCOPES),
    });
  }

  /** A final state (its secrets are deleted when it is applied: TransferStateMachine). */
  private finish(process: TransferProcess, to: TransferState, errorDetail?: string): TransferStep {
    const flow = process.role === 'PROVIDER' && process.dataPlaneId && !FLOW_OVER.includes(process.dataFlowState ?? '') ? { dataFlowState: to } : {};
    return { to, changes: { ...flow, ...(errorDetail ? { errorDetail, reason: errorDetail } : {}) } };
  }
}
