import { Injectable, Logger } from '@nestjs/common';
import { didWebForUrl, KeyAlgorithm } from '@dsaas/identity';
import { participantContextNotFound } from '@dsaas/auth';
import { PublicUrl } from '../common/public-url';
import { KeyMaterialService } from '../keys/key-material.service';
import { ParticipantContext } from './participant-context';
import { ParticipantContextConflictException } from './participant-context-conflict.exception';
import { ParticipantContextInactiveException } from './participant-context-inactive.exception';
import { ParticipantContextRepository } from './participant-context.repository';

export interface NewParticipantContext {
  participantContextId: string;
  did?: string;
  dspEndpoint?: string;
  keyAlgorithm?: KeyAlgorithm;
}

/** Lifecycle of participant contexts: create (DID + first key), read, deactivate, delete. */
@Injectable()
export class ParticipantContextsService {
  private readonly logger = new Logger('ParticipantContexts');

  constructor(
    private readonly contexts: ParticipantContextRepository,
    private readonly keyMaterial: KeyMaterialService,
    private readonly publicUrl: PublicUrl,
  ) {}

  async create(input: NewParticipantContext): Promise<ParticipantContext> {
    const id = input.participantContextId;
    const did = input.did ?? didWebForUrl(this.publicUrl.get(), [id]);
    if (await this.contexts.find(id)) throw new ParticipantContextConflictException(`Participant context '${id}' already exists`);
    if (await this.contexts.findByDid(did)) throw new ParticipantContextConflictException(`The DID '${did}' is already used by another participant context`);
    const now = new Date();
    const context: ParticipantContext = {
      participantContextId: id,
      did,
      dspEndpoint: input.dspEndpoint,
      state: 'active',
      didPublished: true,
      extraServices: [],
      createdAt: now,
      updatedAt: now,
    };
    // The private key goes to the SecretStore first; if the rows cannot be written, that one key is removed again.
    const key = await this.keyMaterial.create(id, input.keyAlgorithm ?? 'ES256');
    let inserted = false;
    try {
      inserted = await this.contexts.insertWithKey(context, key);
    } finally {
      if (!inserted) await this.keyMaterial.discard(id, key.keyId);
    }
    if (!inserted) throw new ParticipantContextConflictException(`Participant context '${id}' or its DID already exists`);
    this.logger.log({ participantContextId: id, did, keyId: key.keyId }, 'participant context created');
    return context;
  }

  /** The context, or the one "not found" error a foreign context also gets. */
  async get(participantContextId: string): Promise<ParticipantContext> {
    const context = await this.contexts.find(participantContextId);
    if (!context) throw participantContextNotFound(participantContextId);
    return context;
  }

  /** The context when it may still act (sign, present, receive credentials). */
  async getActive(participantContextId: string): Promise<ParticipantContext> {
    const context = await this.get(participantContextId);
    if (context.state !== 'active') throw new ParticipantContextInactiveException(participantContextId);
    return context;
  }

  async deactivate(participantContextId: string): Promise<ParticipantContext> {
    const context = await this.get(participantContextId);
    if (context.state !== 'deactivated') {
      await this.contexts.update(participantContextId, { state: 'deactivated' });
      this.logger.log({ participantContextId }, 'participant context deactivated');
    }
    return this.get(participantContextId);
  }

  async delete(participantContextId: string): Promise<void> {
    await this.get(participantContextId);
    await this.contexts.delete(participantContextId);
    await this.keyMaterial.discardAll(participantContextId);
    this.logger.log({ participantContextId }, 'participant context deleted');
  }

  async update(participantContextId: string, changes: Parameters<ParticipantContextRepository['update']>[1]): Promise<ParticipantContext> {
    await this.contexts.update(participantContextId, changes);
    return this.get(participantContextId);
  }
}
