import { Injectable } from '@nestjs/common';
import { buildDidDocument, DidDocument, DidService } from '@dsaas/identity';
import { participantContextNotFound } from '@dsaas/auth';
import { PublicUrl } from '../common/public-url';
import { KeyPairRepository } from '../keys/key-pair.repository';
import { ParticipantContext } from '../participants/participant-context';
import { ParticipantContextsService } from '../participants/participant-contexts.service';
import { DidServiceConflictException } from './did-service-conflict.exception';

/** Builds a context's DID document from its current keys and services (so rotation shows at once). */
@Injectable()
export class DidDocumentsService {
  constructor(
    private readonly contexts: ParticipantContextsService,
    private readonly keys: KeyPairRepository,
    private readonly publicUrl: PublicUrl,
  ) {}

  /** What did:web resolvers get: only for active contexts whose document is published. */
  async published(participantContextId: string): Promise<DidDocument> {
    const context = await this.contexts.get(participantContextId);
    if (context.state !== 'active' || !context.didPublished) throw participantContextNotFound(participantContextId);
    return this.build(context);
  }

  async document(participantContextId: string): Promise<DidDocument> {
    return this.build(await this.contexts.get(participantContextId));
  }

  async publish(participantContextId: string, published: boolean): Promise<DidDocument> {
    await this.contexts.get(participantContextId);
    return this.build(await this.contexts.update(participantContextId, { didPublished: published }));
  }

  async addService(participantContextId: string, service: DidService): Promise<DidDocument> {
    const context = await this.contexts.get(participantContextId);
    const id = service.id.startsWith('#') ? `${context.did}${service.id}` : service.id.includes('#') ? service.id : `${context.did}#${service.id}`;
    const current = await this.build(context);
    if (current.service.some((existing) => existing.id === id)) {
      throw new DidServiceConflictException(`The DID document already has a service '${id}'`);
    }
    const extraServices = [...context.extraServices, { id, type: service.type, serviceEndpoint: service.serviceEndpoint }];
    return this.build(await this.contexts.update(participantContextId, { extraServices }));
  }

  private async build(context: ParticipantContext): Promise<DidDocument> {
    const keys = await this.keys.list(context.participantContextId);
    const methods = keys.filter((key) => key.state !== 'revoked').map((key) => ({ id: key.keyId, publicJwk: key.publicJwk }));
    const services: DidService[] = [
      { id: `${context.did}#credential-service`, type: 'CredentialService', serviceEndpoint: this.publicUrl.credentialServiceUrl(context.participantContextId) },
      ...(context.dspEndpoint ? [{ id: `${context.did}#dsp`, type: 'ProtocolEndpoint', serviceEndpoint: context.dspEndpoint }] : []),
      ...context.extraServices,
    ];
    return buildDidDocument(context.did, methods, services);
  }
}
