import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Repository } from 'typeorm';
import type { JsonObject } from '../common/json-ld';
import { DataPlaneEntity } from '../database/data-plane.entity';
import { DataPlane } from './data-plane';

function toDataPlane(row: DataPlaneEntity): DataPlane {
  return {
    participantContextId: row.participantContextId,
    id: row.id,
    url: row.url,
    allowedSourceTypes: row.allowedSourceTypes,
    allowedTransferTypes: row.allowedTransferTypes,
    destinationProvisionTypes: row.destinationProvisionTypes,
    properties: row.properties as JsonObject,
    state: 'REGISTERED',
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Heartbeats a data plane may miss before selection leaves it out. */
export const MISSED_HEARTBEATS = 3;

/** Queries of the data_plane table. Every method is scoped to one participant context. */
@Injectable()
export class DataPlaneRepository {
  constructor(@InjectRepository(DataPlaneEntity) private readonly dataPlanes: Repository<DataPlaneEntity>) {}

  async find(participantContextId: string, id: string): Promise<DataPlane | undefined> {
    const row = await this.dataPlanes.findOneBy({ participantContextId, id });
    return row ? toDataPlane(row) : undefined;
  }

  async findForContext(participantContextId: string): Promise<DataPlane[]> {
    return (await this.dataPlanes.find({ where: { participantContextId }, order: { id: 'ASC' } })).map(toDataPlane);
  }

  /** Data planes of the context that can move this source type with this transfer type (DPS selection). */
  async findCapable(participantContextId: string, sourceType: string, transferType: string): Promise<DataPlane[]> {
    const rows = await this.dataPlanes
      .createQueryBuilder('e')
      .where('"e"."participant_context_id" = :ctx', { ctx: participantContextId })
      .andWhere(`"e"."allowed_source_types" @> CAST(:source AS jsonb)`, { source: JSON.stringify([sourceType]) })
      .andWhere(`"e"."allowed_transfer_types" @> CAST(:transfer AS jsonb)`, { transfer: JSON.stringify([transferType]) })
      // A data plane that heart-beats (re-registers every properties.heartbeatSeconds) and missed three beats is
      // taken to be down; one registered without a heartbeat (by an operator) is always selectable.
      .andWhere(
        `NOT COALESCE(jsonb_typeof("e"."properties"->'heartbeatSeconds') = 'number' AND "e"."updated_at" < now() - ("e"."properties"->>'heartbeatSeconds')::float8 * interval '${MISSED_HEARTBEATS} seconds', false)`,
      )
      .orderBy('"e"."id"', 'ASC')
      .getMany();
    return rows.map(toDataPlane);
  }

  /** Registers or re-registers (same id: replaced, createdAt kept). */
  async upsert(dataPlane: Omit<DataPlane, 'createdAt' | 'updatedAt'>): Promise<DataPlane> {
    const now = new Date();
    await this.dataPlanes
      .createQueryBuilder()
      .insert()
      .into(DataPlaneEntity)
      .values({ ...dataPlane, createdAt: now, updatedAt: now } as QueryDeepPartialEntity<DataPlaneEntity>)
      .orUpdate(['url', 'allowed_source_types', 'allowed_transfer_types', 'destination_provision_types', 'properties', 'state', 'updated_at'], ['participant_context_id', 'id'])
      .execute();
    return (await this.find(dataPlane.participantContextId, dataPlane.id))!;
  }

  async delete(participantContextId: string, id: string): Promise<boolean> {
    const result = await this.dataPlanes.delete({ participantContextId, id });
    return (result.affected ?? 0) > 0;
  }
}
