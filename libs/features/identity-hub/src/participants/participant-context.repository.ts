import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { CredentialOfferEntity } from '../database/credential-offer.entity';
import { CredentialRequestEntity } from '../database/credential-request.entity';
import { KeyPairEntity } from '../database/key-pair.entity';
import { ParticipantContextEntity } from '../database/participant-context.entity';
import { StoredCredentialEntity } from '../database/stored-credential.entity';
import { KeyPair } from '../keys/key-pair';
import { toKeyPairRow } from '../keys/key-pair.repository';
import { ParticipantContext, ParticipantContextState } from './participant-context';

function toContext(row: ParticipantContextEntity): ParticipantContext {
  return {
    participantContextId: row.participantContextId,
    did: row.did,
    dspEndpoint: row.dspEndpoint ?? undefined,
    state: row.state as ParticipantContextState,
    didPublished: row.didPublished,
    extraServices: row.extraServices ?? [],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Queries of the participant_context table; deleting a context removes every row it owns. */
@Injectable()
export class ParticipantContextRepository {
  constructor(@InjectRepository(ParticipantContextEntity) private readonly contexts: Repository<ParticipantContextEntity>) {}

  async find(participantContextId: string): Promise<ParticipantContext | undefined> {
    const row = await this.contexts.findOneBy({ participantContextId });
    return row ? toContext(row) : undefined;
  }

  async findByDid(did: string): Promise<ParticipantContext | undefined> {
    const row = await this.contexts.findOneBy({ did });
    return row ? toContext(row) : undefined;
  }

  /** Inserts the context with its first key in one transaction; false when the id or the DID is taken. */
  async insertWithKey(context: ParticipantContext, key: KeyPair): Promise<boolean> {
    return this.contexts.manager.transaction(async (manager) => {
      // ON CONFLICT DO NOTHING: a concurrent create of the same id or DID loses quietly instead of a logged error.
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(ParticipantContextEntity)
        .values({
          participantContextId: context.participantContextId,
          did: context.did,
          dspEndpoint: context.dspEndpoint ?? null,
          state: context.state,
          didPublished: context.didPublished,
          extraServices: context.extraServices,
          createdAt: context.createdAt,
          updatedAt: context.updatedAt,
        })
        .orIgnore()
        .returning(['participantContextId'])
        .execute();
      if (!result.raw?.length) return false;
      await manager.getRepository(KeyPairEntity).insert(toKeyPairRow(key));
      return true;
    });
  }

  async update(participantContextId: string, changes: Partial<Pick<ParticipantContext, 'state' | 'didPublished' | 'extraServices'>>): Promise<void> {
    await this.contexts.update({ participantContextId }, { ...changes, updatedAt: new Date() });
  }

  /** Removes the context and everything it owns in the identity hub's tables. */
  async delete(participantContextId: string): Promise<void> {
    await this.contexts.manager.transaction(async (manager: EntityManager) => {
      for (const entity of [KeyPairEntity, StoredCredentialEntity, CredentialRequestEntity, CredentialOfferEntity]) {
        await manager.getRepository(entity).delete({ participantContextId });
      }
      await manager.getRepository(ParticipantContextEntity).delete({ participantContextId });
    });
  }
}
