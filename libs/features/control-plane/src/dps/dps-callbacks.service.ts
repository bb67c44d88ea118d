import { Injectable, Logger } from '@nestjs/common';
import { Principal, reachesAnyContext } from '@dsaas/auth';
import { ValidationException } from '@dsaas/model';
import { dpsValidator } from '@dsaas/protocol-dps';
import { DataAddressSecrets } from '../transfer/data-address-secrets';
import { normalizeDataAddress } from '../transfer/data-address';
import { InvalidTransferStateException } from '../transfer/invalid-transfer-state.exception';
import { TransferProcess } from '../transfer/transfer-process';
import { TransferProcessNotFoundException } from '../transfer/transfer-process-not-found.exception';
import { TransferProcessRepository } from '../transfer/transfer-process.repository';
import { FINAL_TRANSFER_STATES, TransferState } from '../transfer/transfer-state';
import { DataFlowEvent } from './data-flow-event';

const { STARTUP_REQUESTED, STARTING, STARTED, SUSPENDED, SUSPENDING, SUSPENDING_REQUESTED, COMPLETING, COMPLETING_REQUESTED, COMPLETED, TERMINATING, TERMINATING_REQUESTED, TERMINATED, REQUESTED, RESUMING } = TransferState;

/**
 * DPS callbacks of a provider's data plane: `started` (an asynchronous start finished: the EDR arrives here),
 * `completed` (a push finished), `errored` (the flow broke), `prepared` (we never ask for a prepare: refused).
 * Each is idempotent: the same callback again answers the same and changes nothing.
 */
@Injectable()
export class DpsCallbacksService {
  private readonly logger = new Logger('DpsCallbacks');

  constructor(private readonly transfers: TransferProcessRepository, private readonly addresses: DataAddressSecrets) {}

  async handle(principal: Principal, id: string, event: DataFlowEvent, body: unknown): Promise<void> {
    const message = this.read(id, body);
    const process = await this.visibleProcess(principal, id);
    if (process.role !== 'PROVIDER') throw this.conflict(process, event);
    switch (event) {
      case 'started':
        return this.started(process, message);
      case 'completed':
        return this.completed(process);
      case 'errored':
        return this.move(
          process,
          event,
          [REQUESTED, STARTUP_REQUESTED, STARTING, STARTED, RESUMING, SUSPENDING, SUSPENDING_REQUESTED, SUSPENDED, COMPLETING, COMPLETING_REQUESTED],
          TERMINATING,
          [TERMINATING, TERMINATING_REQUESTED, TERMINATED],
          'TERMINATED',
          typeof message.error === 'string' && message.error ? `data plane error: ${message.error.slice(0, 1000)}` : 'the data plane reported the flow errored',
        );
      case 'prepared':
        throw this.conflict(process, event);
    }
  }

  private async completed(process: TransferProcess): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        // A fast push can finish before the consumer was sent its start: noted, the completion follows the start.
        if (process.state === STARTING) return await this.move(process, 'completed', [STARTING], STARTING, [], 'COMPLETED');
        return await this.move(process, 'completed', [STARTED, SUSPENDED, SUSPENDING, SUSPENDING_REQUESTED], COMPLETING, [COMPLETING, COMPLETING_REQUESTED, COMPLETED], 'COMPLETED');
      } catch (error) {
        // The worker moved the process between our read and our write (STARTING → STARTED): decide again on the
        // state it has now, once; a completion must not be lost to that race.
        if (attempt > 0 || !(error instanceof InvalidTransferStateException)) throw error;
        const current = await this.transfers.findById(process.id);
        if (!current || current.state === process.state) throw error;
        process = current;
      }
    }
  }

  /** A participant (an edge data plane's client) sees only its own context's transfers; others get the 404 of a missing one. */
  private async visibleProcess(principal: Principal, id: string): Promise<TransferProcess> {
    const process = await this.transfers.findById(id);
    if (!process || (!reachesAnyContext(principal) && principal.participantContextId !== process.participantContextId)) {
      throw new TransferProcessNotFoundException(id);
    }
    return process;
  }

  /** A DataFlowStatusMessage; the spec's own examples leave out dataFlowId, so the path's id stands in. */
  private read(id: string, body: unknown): Record<string, unknown> {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ValidationException('The callback body must be a DataFlowStatusMessage object');
    const message: Record<string, unknown> = { dataFlowId: id, ...(body as Record<string, unknown>) };
    if (message.dataFlowId !== id) throw new ValidationException('The callback is invalid', [`dataFlowId "${String(message.dataFlowId)}" does not match the transfer id "${id}" in the path`]);
    const address = normalizeDataAddress(message.dataAddress);
    dpsValidator.assertValid('DataFlowStatusMessage', address ? { ...message, dataAddress: address } : message);
    return message;
  }

  private async started(process: TransferProcess, message: Record<string, unknown>): Promise<void> {
    const started: TransferState[] = [STARTING, STARTED];
    if (started.includes(process.state)) return;
    if (process.state !== STARTUP_REQUESTED) throw this.conflict(process, 'started');
    const address = normalizeDataAddress(message.dataAddress);
    if (!address && process.transferType.toUpperCase().endsWith('-PULL')) {
      throw new ValidationException('The callback is invalid', ['dataAddress is required when a pull flow starts']);
    }
    const contentDataAddress = address ? await this.addresses.put(process.participantContextId, process.id, 'edr', address) : undefined;
    const result = await this.transfers.transition(process.participantContextId, process.id, [STARTUP_REQUESTED], STARTING, { dataFlowState: 'STARTED', contentDataAddress });
    if (result && !result.changed && !started.includes(result.process.state)) throw this.conflict(result.process, 'started');
    this.logger.log({ participantContextId: process.participantContextId, transferProcessId: process.id }, 'data flow started (callback)');
  }

  private async move(
    process: TransferProcess,
    event: DataFlowEvent,
    from: TransferState[],
    to: TransferState,
    already: TransferState[],
    dataFlowState: string,
    reason?: string,
  ): Promise<void> {
    if (already.includes(process.state) || (process.state === to && process.dataFlowState === dataFlowState)) return;
    const result = await this.transfers.transition(process.participantContextId, process.id, from, to, { dataFlowState, ...(reason ? { reason, errorDetail: reason } : {}) });
    if (!result || result.changed || already.includes(result.process.state)) {
      this.logger.log({ participantContextId: process.participantContextId, transferProcessId: process.id, event }, 'data flow callback applied');
      return;
    }
    throw this.conflict(result.process, event);
  }

  private conflict(process: TransferProcess, event: DataFlowEvent): InvalidTransferStateException {
    const final = FINAL_TRANSFER_STATES.includes(process.state) ? ' (final)' : '';
    return new InvalidTransferStateException(`Transfer process '${process.id}' is ${process.state}${final}: the data flow callback '${event}' does not apply`, 409);
  }
}
