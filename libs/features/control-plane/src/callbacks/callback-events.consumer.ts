import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  CONTRACT_NEGOTIATION_STATE_CHANGED_V1,
  ContractNegotiationStateChangedV1,
  TRANSFER_PROCESS_STATE_CHANGED_V1,
  TransferProcessStateChangedV1,
} from '@dsaas/contracts';
import { EVENT_BUS, EventBus, EventMessage, EventSubscription } from '@dsaas/messaging';
import { ContractNegotiationRepository } from '../negotiation/contract-negotiation.repository';
import { TransferProcessRepository } from '../transfer/transfer-process.repository';
import { callbackAddressesFor } from './callback-address';
import { CallbackDeliveryClient } from './callback-delivery.client';
import { callbackEvent, callbackEventName, CallbackSubject } from './callback-event';

/** Durable consumer names: replicas of the control plane share the deliveries. */
export const NEGOTIATION_CALLBACKS_CONSUMER = 'control-plane-negotiation-callbacks';
export const TRANSFER_CALLBACKS_CONSUMER = 'control-plane-transfer-callbacks';

/** Attempts of one event (then the bus dead-letters it) and the waits between them. */
const CALLBACK_MAX_ATTEMPTS = 6;
const CALLBACK_BACKOFF_MS = [1000, 5000, 30_000, 120_000];

/**
 * Delivers the state changes of negotiations and transfer processes to their `callbackAddresses` (EDC's
 * callback events), from the outbox events every state change writes. At least once: a failed address makes the
 * whole event redeliver, so the addresses that took it already may get it again (each attempt has a new event id;
 * receivers dedupe on process id + state).
 */
@Injectable()
export class CallbackEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CallbackEventsConsumer.name);
  private subscriptions: EventSubscription[] = [];

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly negotiations: ContractNegotiationRepository,
    private readonly transfers: TransferProcessRepository,
    private readonly client: CallbackDeliveryClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const options = { maxDeliver: CALLBACK_MAX_ATTEMPTS, backoff: CALLBACK_BACKOFF_MS, concurrency: 4 };
    this.subscriptions = [
      await this.bus.subscribe(CONTRACT_NEGOTIATION_STATE_CHANGED_V1, { ...options, durable: NEGOTIATION_CALLBACKS_CONSUMER, handler: (m) => this.onNegotiation(m) }),
      await this.bus.subscribe(TRANSFER_PROCESS_STATE_CHANGED_V1, { ...options, durable: TRANSFER_CALLBACKS_CONSUMER, handler: (m) => this.onTransfer(m) }),
    ];
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.subscriptions.map((s) => s.close()));
  }

  async onNegotiation(message: EventMessage<ContractNegotiationStateChangedV1>): Promise<void> {
    const change = message.data;
    const negotiation = await this.negotiations.find(change.participantContextId, change.contractNegotiationId);
    if (!negotiation) return;
    await this.deliver('contract.negotiation', change, negotiation.callbackAddresses, {
      contractNegotiationId: negotiation.id,
      state: change.state,
      counterPartyId: negotiation.counterPartyId,
      counterPartyAddress: negotiation.counterPartyAddress,
      protocol: negotiation.protocol,
      type: change.role,
      assetId: negotiation.assetId,
      ...(change.agreementId ? { contractAgreementId: change.agreementId } : {}),
    });
  }

  async onTransfer(message: EventMessage<TransferProcessStateChangedV1>): Promise<void> {
    const change = message.data;
    const process = await this.transfers.find(change.participantContextId, change.transferProcessId);
    if (!process) return;
    await this.deliver('transfer.process', change, process.callbackAddresses, {
      transferProcessId: process.id,
      state: change.state,
      counterPartyId: process.counterPartyId,
      type: change.role,
      contractId: change.agreementId,
      transferType: change.transferType,
      ...(process.assetId ? { assetId: process.assetId } : {}),
    });
  }

  private async deliver(subject: CallbackSubject, change: { participantContextId: string; state: string; at: string }, stored: unknown[], payload: Record<string, unknown>): Promise<void> {
    const name = callbackEventName(subject, change.state);
    if (!name) return;
    const addresses = callbackAddressesFor(stored, name);
    if (addresses.length === 0) return;
    const event = callbackEvent(name, payload, new Date(change.at));
    for (const address of addresses) {
      await this.client.deliver(address, event);
      this.logger.debug({ participantContextId: change.participantContextId, event: event.type, uri: address.uri }, 'callback delivered');
    }
  }
}
