import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { In, Repository } from 'typeorm';
import { applyCriteria, applyQuerySpec, binderFor } from '../common/criteria-sql';
import { Criterion } from '../common/criterion';
import type { JsonObject } from '../common/json-ld';
import { QuerySpec } from '../common/query-spec';
import { AssetEntity } from '../database/asset.entity';
import { Asset } from './asset';
import { assetField } from './asset-fields';

function toAsset(row: AssetEntity): Asset {
  return {
    participantContextId: row.participantContextId,
    id: row.id,
    properties: row.properties as JsonObject,
    privateProperties: row.privateProperties as JsonObject,
    dataAddress: row.dataAddress as JsonObject,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Queries of the asset table. Every method is scoped to one participant context. */
@Injectable()
export class AssetRepository {
  constructor(@InjectRepository(AssetEntity) private readonly assets: Repository<AssetEntity>) {}

  async find(participantContextId: string, id: string): Promise<Asset | undefined> {
    const row = await this.assets.findOneBy({ participantContextId, id });
    return row ? toAsset(row) : undefined;
  }

  /** The context's assets with these ids (all of its assets when `ids` is undefined), ordered by id. */
  async findForContext(participantContextId: string, ids?: string[]): Promise<Asset[]> {
    if (ids && ids.length === 0) return [];
    const rows = await this.assets.find({ where: { participantContextId, ...(ids ? { id: In(ids) } : {}) }, order: { id: 'ASC' } });
    return rows.map(toAsset);
  }

  /** The context's assets a contract definition's selector picks (criteria ANDed; none = every asset). */
  async findBySelector(participantContextId: string, selector: Criterion[], paging: { offset?: number; limit?: number } = {}): Promise<Asset[]> {
    const qb = this.assets.createQueryBuilder('e').where('"e"."participant_context_id" = :ctx', { ctx: participantContextId });
    applyCriteria(qb, selector, assetField, binderFor(qb));
    qb.orderBy('"e"."id"', 'ASC');
    if (paging.offset) qb.offset(paging.offset);
    if (paging.limit) qb.limit(paging.limit);
    return (await qb.getMany()).map(toAsset);
  }

  /** Whether the asset is picked by the selector (DSP: is this dataset offered by that contract definition?). */
  async matchesSelector(participantContextId: string, id: string, selector: Criterion[]): Promise<boolean> {
    const qb = this.assets.createQueryBuilder('e').where('"e"."participant_context_id" = :ctx AND "e"."id" = :id', { ctx: participantContextId, id });
    applyCriteria(qb, selector, assetField, binderFor(qb));
    return (await qb.getCount()) > 0;
  }

  /** A management QuerySpec (throws a ValidationException for unknown fields or bad operands). */
  async query(participantContextId: string, spec: QuerySpec): Promise<Asset[]> {
    const qb = this.assets.createQueryBuilder('e').where('"e"."participant_context_id" = :ctx', { ctx: participantContextId });
    return (await applyQuerySpec(qb, spec, assetField, '"e"."id"').getMany()).map(toAsset);
  }

  /** False when the context already has an asset with this id. */
  async insert(asset: Asset): Promise<boolean> {
    const result = await this.assets.createQueryBuilder().insert().into(AssetEntity).values({ ...asset } as QueryDeepPartialEntity<AssetEntity>).orIgnore().returning(['id']).execute();
    return (result.raw?.length ?? 0) > 0;
  }

  /** False when there is no such asset. */
  async update(asset: Pick<Asset, 'participantContextId' | 'id' | 'properties' | 'privateProperties' | 'dataAddress'>): Promise<boolean> {
    const result = await this.assets.update(
      { participantContextId: asset.participantContextId, id: asset.id },
      { properties: asset.properties, privateProperties: asset.privateProperties, dataAddress: asset.dataAddress, updatedAt: new Date() } as QueryDeepPartialEntity<AssetEntity>,
    );
    return (result.affected ?? 0) > 0;
  }

  async delete(participantContextId: string, id: string): Promise<boolean> {
    const result = await this.assets.delete({ participantContextId, id });
    return (result.affected ?? 0) > 0;
  }
}
