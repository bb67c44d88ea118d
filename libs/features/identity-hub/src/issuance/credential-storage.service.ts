import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { participantContextNotFound } from '@dsaas/auth';
import { ConflictException, ValidationException } from '@dsaas/model';
import { dcpValidator } from '@dsaas/protocol-dcp';
import { CredentialsService } from '../credentials/credentials.service';
import { DcpAuthenticator } from '../dcp/dcp-authenticator';
import { ParticipantContext } from '../participants/participant-context';
import { ParticipantContextsService } from '../participants/participant-contexts.service';
import { CredentialOffer } from './credential-offer';
import { CredentialOfferRepository } from './credential-offer.repository';
import { CredentialDeliveryRefusedException } from './credential-delivery-refused.exception';
import { CredentialRequestRepository } from './credential-request.repository';

const JWT_FORMATS = ['jwt', 'vc1_0_jwt', 'vc2_0_jose'];

/** DCP storage API (issuer → holder): credential deliveries and offers. */
@Injectable()
export class CredentialStorageService {
  private readonly logger = new Logger('CredentialStorage');

  constructor(
    private readonly contexts: ParticipantContextsService,
    private readonly authenticator: DcpAuthenticator,
    private readonly requests: CredentialRequestRepository,
    private readonly offers: CredentialOfferRepository,
    private readonly credentials: CredentialsService,
  ) {}

  /**
   * Accepts a CredentialMessage only for an open request of this holder to the authenticated issuer. Every
   * credential is checked before any is stored; the same delivery twice stores each credential once.
   */
  async receiveCredentials(participantContextId: string, authorization: string | undefined, body: unknown): Promise<void> {
    const holder = await this.activeHolder(participantContextId);
    const issuer = await this.authenticator.issuer(authorization, holder);
    dcpValidator.assertValid('CredentialMessage', body);
    const message = body;
    const request = message.holderPid ? await this.requests.find(participantContextId, message.holderPid) : undefined;
    if (!request || request.issuerDid !== issuer.did || (request.issuerPid && request.issuerPid !== message.issuerPid)) {
      this.logger.warn({ participantContextId, issuer: issuer.did, holderPid: message.holderPid }, 'credential delivery refused: no matching request');
      throw new CredentialDeliveryRefusedException('No open credential request of this holder matches the message and its issuer');
    }
    if (request.state === 'REJECTED') throw new ConflictException(`Credential request '${request.holderPid}' was rejected`);

    if (message.status === 'REJECTED') {
      if (request.state === 'ISSUED') throw new ConflictException(`Credential request '${request.holderPid}' was already issued`);
      await this.requests.update(request.holderPid, { state: 'REJECTED', issuerPid: message.issuerPid, errorDetail: message.rejectionReason ?? null });
      this.logger.log({ participantContextId, holderPid: request.holderPid, issuer: issuer.did }, 'credential request rejected by the issuer');
      return;
    }
    const containers = message.credentials ?? [];
    if (containers.length === 0) throw new ValidationException('An ISSUED CredentialMessage carries credentials', ['credentials is empty']);
    for (const container of containers) {
      if (!JWT_FORMATS.includes(container.format)) {
        throw new ValidationException(`Unsupported credential format '${container.format}'`, [`format must be one of ${JWT_FORMATS.join(', ')}`]);
      }
      this.credentials.check(holder.did, container.payload, issuer.did);
    }
    let stored = 0;
    for (const container of containers) {
      const result = await this.credentials.store(participantContextId, container.payload, { source: 'issuance', expectedIssuer: issuer.did, holderPid: request.holderPid });
      if (result.stored) stored++;
    }
    await this.requests.update(request.holderPid, { state: 'ISSUED', issuerPid: message.issuerPid, errorDetail: null });
    this.logger.log({ participantContextId, holderPid: request.holderPid, issuer: issuer.did, stored, delivered: containers.length }, 'credentials delivered');
  }

  async receiveOffer(participantContextId: string, authorization: string | undefined, body: unknown): Promise<void> {
    const holder = await this.activeHolder(participantContextId);
    const issuer = await this.authenticator.issuer(authorization, holder);
    dcpValidator.assertValid('CredentialOfferMessage', body);
    if (body.issuer !== issuer.did) throw new CredentialDeliveryRefusedException('The offer names another issuer than the caller');
    const offer: CredentialOffer = {
      id: randomUUID(),
      participantContextId,
      issuer: issuer.did,
      credentials: body.credentials as unknown as Record<string, unknown>[],
      receivedAt: new Date(),
    };
    await this.offers.insert(offer);
    this.logger.log({ participantContextId, issuer: issuer.did, offerId: offer.id }, 'credential offer received');
  }

  async listOffers(participantContextId: string): Promise<CredentialOffer[]> {
    await this.contexts.get(participantContextId);
    return this.offers.list(participantContextId);
  }

  private async activeHolder(participantContextId: string): Promise<ParticipantContext> {
    const holder = await this.contexts.get(participantContextId);
    if (holder.state !== 'active') throw participantContextNotFound(participantContextId);
    return holder;
  }
}
