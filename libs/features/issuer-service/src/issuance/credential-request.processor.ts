import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_BUS, EventBus, EventMessage, EventSubscription } from '@dsaas/messaging';
import { TransientException } from '@dsaas/model';
import { CredentialMessage, DCP_CONTEXT_URL } from '@dsaas/protocol-dcp';
import { IssuerContextsService } from '../contexts/issuer-contexts.service';
import { IssuedCredentialRepository } from '../credentials/issued-credential.repository';
import { deliveryBackoffMs, IssuerServiceConfig } from '../issuer-service.config';
import { StatusListsService } from '../status-lists/status-lists.service';
import { CredentialRequest } from './credential-request';
import { CREDENTIAL_REQUEST_RECEIVED_V1, CredentialRequestReceivedV1 } from './credential-request-received.v1';
import { CredentialRequestRepository } from './credential-request.repository';
import { CredentialIssuerService, IssuanceOutcome } from './credential-issuer.service';
import { HolderDeliveryClient } from './holder-delivery.client';

/** Durable consumer name: replicas of the issuer-service share the work. */
export const CREDENTIAL_REQUEST_CONSUMER = 'issuer-service-credential-requests';

/**
 * Works off received credential requests: decide (once), then deliver the CredentialMessage to the holder.
 * A failed delivery is retried through the bus (nak with backoff); after the last attempt the request ends in
 * ERROR with the reason and the credentials it was issued are revoked, as the holder never got them.
 */
@Injectable()
export class CredentialRequestProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CredentialRequestProcessor.name);
  private subscription?: EventSubscription;

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly config: IssuerServiceConfig,
    private readonly requests: CredentialRequestRepository,
    private readonly issued: IssuedCredentialRepository,
    private readonly statusLists: StatusListsService,
    private readonly issuer: CredentialIssuerService,
    private readonly contexts: IssuerContextsService,
    private readonly delivery: HolderDeliveryClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = await this.bus.subscribe(CREDENTIAL_REQUEST_RECEIVED_V1, {
      durable: CREDENTIAL_REQUEST_CONSUMER,
      handler: (message) => this.handle(message),
      // The last attempt is settled here (ERROR), one more lets the bus dead-letter a crash on it.
      maxDeliver: this.config.ISSUANCE_DELIVERY_MAX_ATTEMPTS + 1,
      backoff: deliveryBackoffMs(this.config),
      concurrency: 4,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
  }

  async handle(message: EventMessage<CredentialRequestReceivedV1>): Promise<void> {
    const { requestId, issuerContextId } = message.data;
    const request = await this.requests.find(requestId);
    // Settled already (a redelivery), or its issuer context was deleted.
    if (!request || request.state !== 'RECEIVED') return;
    const outcome = await this.issuer.decide(requestId);
    if (!outcome) return;
    try {
      await this.deliver(request, outcome);
    } catch (error) {
      const reason = (error as Error)?.message ?? String(error);
      if (message.attempt < this.config.ISSUANCE_DELIVERY_MAX_ATTEMPTS) {
        this.logger.warn({ participantContextId: issuerContextId, issuerPid: requestId, attempt: message.attempt }, `delivery failed, will retry: ${reason}`);
        throw error instanceof TransientException ? error : new TransientException(reason);
      }
      await this.fail(request, `delivery to the holder failed after ${message.attempt} attempts: ${reason}`);
      return;
    }
    await this.requests.settle(requestId, outcome.decision, outcome.reason);
    this.logger.log({ participantContextId: issuerContextId, issuerPid: requestId, status: outcome.decision }, 'credential request answered');
  }

  private async deliver(request: CredentialRequest, outcome: IssuanceOutcome): Promise<void> {
    const context = await this.contexts.get(request.issuerContextId);
    const message: CredentialMessage = {
      '@context': [DCP_CONTEXT_URL],
      type: 'CredentialMessage',
      issuerPid: request.id,
      holderPid: request.holderPid,
      status: outcome.decision,
      ...(outcome.decision === 'ISSUED'
        ? { credentials: outcome.credentials.map((c) => ({ credentialType: c.credentialType, payload: c.jwt, format: 'jwt' })) }
        : { rejectionReason: outcome.reason ?? 'rejected' }),
    };
    await this.delivery.deliver(request.holderDid, message, await this.contexts.signer(context));
  }

  private async fail(request: CredentialRequest, reason: string): Promise<void> {
    await this.requests.transaction(async (manager) => {
      for (const credential of await this.issued.forRequest(request.id, manager)) {
        if (await this.issued.markRevoked(credential.id, new Date(), manager)) {
          await this.statusLists.setStatus({ listId: credential.statusListId, index: credential.statusListIndex }, true, manager);
        }
      }
      await this.requests.settle(request.id, 'ERROR', reason, manager);
    });
    this.logger.error({ participantContextId: request.issuerContextId, issuerPid: request.id }, reason);
  }
}
