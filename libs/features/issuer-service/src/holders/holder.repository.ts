import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { HolderEntity } from '../database/holder.entity';
import { Holder } from './holder';

function toHolder(row: HolderEntity): Holder {
  return {
    issuerContextId: row.issuerContextId,
    holderId: row.holderId,
    did: row.did,
    name: row.name ?? undefined,
    properties: row.properties,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Queries of an issuer's member table; every query names the issuer context. */
@Injectable()
export class HolderRepository {
  constructor(@InjectRepository(HolderEntity) private readonly holders: Repository<HolderEntity>) {}

  async find(issuerContextId: string, holderId: string): Promise<Holder | undefined> {
    const row = await this.holders.findOneBy({ issuerContextId, holderId });
    return row ? toHolder(row) : undefined;
  }

  async findByDid(issuerContextId: string, did: string): Promise<Holder | undefined> {
    const row = await this.holders.findOneBy({ issuerContextId, did });
    return row ? toHolder(row) : undefined;
  }

  async list(issuerContextId: string): Promise<Holder[]> {
    return (await this.holders.find({ where: { issuerContextId }, order: { createdAt: 'ASC', holderId: 'ASC' } })).map(toHolder);
  }

  /** Inserts unless the holder id or DID is taken in this context; answers false when it is. */
  async insert(holder: Holder): Promise<boolean> {
    const result = await this.holders
      .createQueryBuilder()
      .insert()
      .values({ ...holder, name: holder.name ?? null, properties: holder.properties as Record<string, any> })
      .orIgnore()
      .returning(['holderId'])
      .execute();
    return (result.raw?.length ?? 0) > 0;
  }

  /** Answers false when another holder of the context already has the DID. */
  async update(holder: Holder): Promise<boolean> {
    const clash = await this.holders.findOneBy({ issuerContextId: holder.issuerContextId, did: holder.did });
    if (clash && clash.holderId !== holder.holderId) return false;
    await this.holders.update(
      { issuerContextId: holder.issuerContextId, holderId: holder.holderId },
      { did: holder.did, name: holder.name ?? null, properties: holder.properties as Record<string, any>, updatedAt: holder.updatedAt },
    );
    return true;
  }

  async delete(issuerContextId: string, holderId: string): Promise<boolean> {
    return ((await this.holders.delete({ issuerContextId, holderId })).affected ?? 0) > 0;
  }
}
