import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { dspValidator } from '@dsaas/protocol-dsp';
import { AssetRepository } from '../assets/asset.repository';
import { VerifiedCaller } from '../dcp-client/verified-caller';
import { DataPlaneRepository } from '../dataplanes/data-plane.repository';
import { DspParticipantContext } from '../dsp/dsp-participant-context';
import { PolicyEvaluator } from '../dsp/policy-evaluator';
import { normalizeDataAddress } from './data-address';
import { DataAddressSecrets } from './data-address-secrets';
import { InvalidTransferStateException } from './invalid-transfer-state.exception';
import { counterPartyPid, TransferProcess } from './transfer-process';
import { TransferProcessNotFoundException } from './transfer-process-not-found.exception';
import { TransferChanges, TransferProcessRepository } from './transfer-process.repository';
import { ContractAgreementRepository } from '../agreements/contract-agreement.repository';
import { TransferMessageType, transferProcessMessage } from './transfer-messages';
import { TransferRefusedException } from './transfer-refused.exception';
import { FINAL_TRANSFER_STATES, TransferState } from './transfer-state';
import { TransferWork } from './transfer-work';

const S = TransferState;
const NOT_FINAL = Object.values(S).filter((state) => !FINAL_TRANSFER_STATES.includes(state));

/** A state change a counter-party's message asks for: from which states, to which, and where it already is when repeated. */
interface Move {
  from: TransferState[];
  to: TransferState;
  /** States in which the same message again is a retry: answered OK, nothing changed. */
  done: TransferState[];
}

function reasonOf(message: Record<string, unknown>): string | undefined {
  const reason = Array.isArray(message.reason) ? message.reason.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('; ') : undefined;
  const code = typeof message.code === 'string' ? message.code : undefined;
  const text = [code, reason].filter(Boolean).join(': ');
  return text ? text.slice(0, 2000) : undefined;
}

/**
 * The DSP transfer protocol of our contexts, both roles: a provider's `transfers/request` and the messages either
 * side sends about an existing process (`transfers/{pid}/start|completion|suspension|termination`, `GET`). The pid
 * must be one of the addressed context's processes AND the caller its counter-party, else the 404 of a missing pid.
 * A message the process's state does not allow is a 400 and changes nothing; the same message again is answered
 * like the first time (counter-parties retry).
 */
@Injectable()
export class DspTransferService {
  private readonly logger = new Logger('DspTransfer');

  constructor(
    private readonly transfers: TransferProcessRepository,
    private readonly agreements: ContractAgreementRepository,
    private readonly assets: AssetRepository,
    private readonly dataPlanes: DataPlaneRepository,
    private readonly evaluator: PolicyEvaluator,
    private readonly addresses: DataAddressSecrets,
    private readonly work: TransferWork,
  ) {}

  /** Provider: a consumer's TransferRequestMessage. Answers the TransferProcess (REQUESTED). */
  async request(context: DspParticipantContext, caller: VerifiedCaller, body: unknown): Promise<Record<string, unknown>> {
    dspValidator.assertValid('TransferRequestMessage', body);
    const message = body as { consumerPid: string; agreementId: string; format: string; callbackAddress: string; dataAddress?: unknown };
    const ctx = context.participantContextId;
    const pids = { consumerPid: message.consumerPid, providerPid: '' };
    const existing = await this.transfers.findProviderProcess(ctx, caller.did, message.consumerPid);
    if (existing) {
      if (existing.agreementId !== message.agreementId) throw new TransferRefusedException(`consumerPid '${message.consumerPid}' is already used for another transfer`, pids);
      return transferProcessMessage(existing);
    }
    if (!/^https?:\/\//.test(message.callbackAddress)) throw new TransferRefusedException('callbackAddress must be an http(s) URL', pids);

    const agreement = await this.agreements.find(ctx, message.agreementId);
    // Another consumer's agreement looks exactly like a missing one.
    if (!agreement || agreement.consumerId !== caller.did || agreement.providerId !== context.did) {
      throw new TransferRefusedException(`No contract agreement '${message.agreementId}' with this consumer`, pids);
    }
    const decision = await this.evaluator.evaluate(agreement.policy, 'transfer.process', {
      agent: { id: caller.did, claims: caller.claims },
      agreement: { id: agreement.id, signingDate: agreement.signingDate, assetId: agreement.assetId, consumerId: agreement.consumerId, providerId: agreement.providerId },
    });
    if (!decision.allowed) throw new TransferRefusedException(`The agreement's policy does not allow a transfer now: ${decision.reasons.join('; ')}`, pids);
    const asset = await this.assets.find(ctx, agreement.assetId);
    const sourceType = typeof asset?.dataAddress.type === 'string' ? asset.dataAddress.type : undefined;
    if (!asset || !sourceType || (await this.dataPlanes.findCapable(ctx, sourceType, message.format)).length === 0) {
      throw new TransferRefusedException(`Transfer type '${message.format}' is not offered for asset '${agreement.assetId}'`, pids);
    }
    const destination = normalizeDataAddress(message.dataAddress);
    if (message.format.toUpperCase().endsWith('-PUSH') && !destination) throw new TransferRefusedException(`A ${message.format} transfer needs a dataAddress (the destination)`, pids);

    const id = randomUUID();
    const process: Omit<TransferProcess, 'createdAt' | 'updatedAt'> = {
      participantContextId: ctx,
      id,
      role: 'PROVIDER',
      state: S.REQUESTED,
      consumerPid: message.consumerPid,
      providerPid: id,
      agreementId: agreement.id,
      assetId: agreement.assetId,
      counterPartyId: caller.did,
      counterPartyAddress: message.callbackAddress.replace(/\/+$/, ''),
      transferType: message.format,
      dataDestination: destination ? await this.addresses.put(ctx, id, 'destination', destination) : undefined,
      callbackAddresses: [],
      privateProperties: {},
    };
    if (!(await this.transfers.insert(process))) {
      // A concurrent retry of the same request won the insert: answer what it created.
      const winner = await this.transfers.findProviderProcess(ctx, caller.did, message.consumerPid);
      if (winner) return transferProcessMessage(winner);
      throw new TransferRefusedException(`consumerPid '${message.consumerPid}' could not be used`, pids);
    }
    this.work.nudge();
    this.logger.log({ participantContextId: ctx, transferProcessId: id, consumer: caller.did, agreementId: agreement.id, transferType: message.format }, 'transfer requested');
    return transferProcessMessage((await this.transfers.find(ctx, id))!);
  }

  /** `GET transfers/{pid}`. */
  async get(context: DspParticipantContext, caller: VerifiedCaller, pid: string): Promise<Record<string, unknown>> {
    return transferProcessMessage(await this.ownProcess(context, caller, pid));
  }

  /** start / completion / suspension / termination about one of our processes. */
  async message(context: DspParticipantContext, caller: VerifiedCaller, pid: string, type: TransferMessageType, body: unknown): Promise<void> {
    dspValidator.assertValid(type, body);
    const message = body as Record<string, unknown> & { providerPid: string; consumerPid: string };
    const process = await this.ownProcess(context, caller, pid);
    const pids = { providerPid: message.providerPid, consumerPid: message.consumerPid };
    const ourPid = process.role === 'PROVIDER' ? message.providerPid : message.consumerPid;
    const theirPid = process.role === 'PROVIDER' ? message.consumerPid : message.providerPid;
    const known = counterPartyPid(process);
    if (ourPid !== pid || (known !== undefined && theirPid !== known)) {
      throw new InvalidTransferStateException(`The message's providerPid/consumerPid do not match transfer process '${pid}'`, 400, pids);
    }
    const move = this.moveFor(process, type);
    const changes: TransferChanges = {};
    if (process.role === 'CONSUMER' && known === undefined) changes.providerPid = theirPid;
    const reason = reasonOf(message);
    if (reason && type !== 'TransferStartMessage') changes.reason = reason;
    if (type === 'TransferStartMessage' && process.role === 'CONSUMER') {
      const address = normalizeDataAddress(message.dataAddress);
      if (address) changes.contentDataAddress = await this.addresses.put(process.participantContextId, process.id, 'edr', address);
      else if (process.transferType.toUpperCase().endsWith('-PULL') && !process.contentDataAddress) {
        throw new InvalidTransferStateException('A pull transfer starts with a dataAddress (the EDR)', 400, pids);
      }
    }
    if (move.done.includes(process.state) && !(process.state === S.STARTED && changes.contentDataAddress)) return;
    const result = await this.transfers.transition(process.participantContextId, process.id, move.from, move.to, changes);
    if (result && !result.changed && !move.done.includes(result.process.state)) throw this.outOfOrder(result.process, type, pids);
    if (result?.changed) {
      if (FINAL_TRANSFER_STATES.includes(move.to)) await this.addresses.deleteAll(process.participantContextId, process.id);
      this.work.nudge();
      this.logger.log({ participantContextId: process.participantContextId, transferProcessId: process.id, message: type, state: move.to }, 'transfer message applied');
    }
  }

  private moveFor(process: TransferProcess, type: TransferMessageType): Move {
    const pids = { providerPid: process.providerPid, consumerPid: process.consumerPid };
    const provider = process.role === 'PROVIDER';
    switch (type) {
      case 'TransferStartMessage':
        return provider
          ? // A consumer restarts a suspended transfer.
            { from: [S.SUSPENDED], to: S.RESUMING, done: [S.RESUMING, S.STARTING, S.STARTED] }
          : // The first start can overtake our own REQUESTING → REQUESTED commit; a restart follows a suspension either side asked for.
            { from: [S.REQUESTING, S.REQUESTED, S.RESUME_REQUESTED, S.SUSPENDED, S.STARTED], to: S.STARTED, done: [S.STARTED] };
      case 'TransferCompletionMessage':
        return provider
          ? { from: [S.STARTED], to: S.COMPLETING_REQUESTED, done: [S.COMPLETING_REQUESTED, S.COMPLETING, S.COMPLETED] }
          : { from: [S.STARTED], to: S.COMPLETED, done: [S.COMPLETED] };
      case 'TransferSuspensionMessage':
        return provider
          ? { from: [S.STARTED], to: S.SUSPENDING_REQUESTED, done: [S.SUSPENDING_REQUESTED, S.SUSPENDED] }
          : { from: [S.STARTED], to: S.SUSPENDED, done: [S.SUSPENDED] };
      case 'TransferTerminationMessage':
        return {
          from: NOT_FINAL.filter((state) => state !== S.TERMINATING_REQUESTED),
          // A provider's data flow (if one was started) must be stopped first.
          to: provider && process.dataPlaneId ? S.TERMINATING_REQUESTED : S.TERMINATED,
          done: [S.TERMINATING_REQUESTED, S.TERMINATED],
        };
    }
    throw new InvalidTransferStateException(`Unknown message ${String(type)}`, 400, pids);
  }

  /** The context's process with this pid whose counter-party is the caller; anything else is the 404 of a missing pid. */
  private async ownProcess(context: DspParticipantContext, caller: VerifiedCaller, pid: string): Promise<TransferProcess> {
    const process = await this.transfers.find(context.participantContextId, pid);
    if (!process || process.counterPartyId !== caller.did) throw new TransferProcessNotFoundException(pid, { providerPid: pid, consumerPid: '' });
    return process;
  }

  private outOfOrder(process: TransferProcess, type: TransferMessageType, pids: { providerPid: string; consumerPid: string }): InvalidTransferStateException {
    return new InvalidTransferStateException(`A ${type} is not allowed: transfer process '${process.id}' is ${process.state}`, 400, pids);
  }
}
