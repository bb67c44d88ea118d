import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Repository } from 'typeorm';
import type { JsonObject } from '../common/json-ld';
import { ContextOwnedEntities } from '../database/control-plane.database';
import { ParticipantContextEntity } from '../database/participant-context.entity';
import { ParticipantContext } from './participant-context';

function toContext(row: ParticipantContextEntity): ParticipantContext {
  return {
    participantContextId: row.participantContextId,
    identity: row.identity,
    properties: row.properties as JsonObject,
    state: 'ACTIVATED',
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

  async exists(participantContextId: string): Promise<boolean> {
    return this.contexts.existsBy({ participantContextId });
  }

  /** The context whose DID this is (DSP requests name the counter-party by DID). */
  async findByIdentity(identity: string): Promise<ParticipantContext | undefined> {
    const row = await this.contexts.findOneBy({ identity });
    return row ? toContext(row) : undefined;
  }

  async list(offset: number, limit: number): Promise<ParticipantContext[]> {
    const rows = await this.contexts.find({ order: { participantContextId: 'ASC' }, skip: offset, take: limit });
    return rows.map(toContext);
  }

  /** False when the id or the DID is taken (a concurrent create loses quietly instead of a logged error). */
  async insert(context: ParticipantContext): Promise<boolean> {
    const result = await this.contexts
      .createQueryBuilder()
      .insert()
      .into(ParticipantContextEntity)
      .values({ ...context } as QueryDeepPartialEntity<ParticipantContextEntity>)
      .orIgnore()
      .returning(['participantContextId'])
      .execute();
    return (result.raw?.length ?? 0) > 0;
  }

  async update(participantContextId: string, changes: Pick<ParticipantContext, 'identity' | 'properties'>): Promise<void> {
    await this.contexts.update({ participantContextId }, { identity: changes.identity, properties: changes.properties, updatedAt: new Date() } as QueryDeepPartialEntity<ParticipantContextEntity>);
  }

  /** Removes the context and everything it owns in the control plane's tables, in one transaction. */
  async delete(participantContextId: string): Promise<void> {
    await this.contexts.manager.transaction(async (manager) => {
      for (const entity of ContextOwnedEntities) await manager.getRepository(entity).delete({ participantContextId });
      await manager.getRepository(ParticipantContextEntity).delete({ participantContextId });
    });
  }
}
