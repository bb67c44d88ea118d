import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { StatusListEntity } from '../database/status-list.entity';
import { StatusList, StatusListSlot } from './status-list';

function toStatusList(row: StatusListEntity): StatusList {
  return {
    id: row.id,
    issuerContextId: row.issuerContextId,
    purpose: row.purpose as 'revocation',
    encodedList: row.encodedList,
    length: row.length,
    nextIndex: row.nextIndex,
    jwt: row.jwt ?? undefined,
    updatedAt: row.updatedAt,
  };
}

/** Queries of the status lists; index allocation and bit flips are row-locked, so concurrent issuers never share a slot. */
@Injectable()
export class StatusListRepository {
  constructor(@InjectRepository(StatusListEntity) private readonly lists: Repository<StatusListEntity>) {}

  async insert(list: StatusList, manager: EntityManager): Promise<void> {
    await manager.insert(StatusListEntity, { ...list, jwt: list.jwt ?? null });
  }

  async find(issuerContextId: string, id: string, manager?: EntityManager): Promise<StatusList | undefined> {
    const row = await (manager ?? this.lists.manager).findOneBy(StatusListEntity, { issuerContextId, id });
    return row ? toStatusList(row) : undefined;
  }

  /** Takes the next free index of the context's revocation list (undefined when every list is full). */
  async allocate(issuerContextId: string, manager: EntityManager): Promise<StatusListSlot | undefined> {
    const rows: { id: string; index: number }[] = await manager.query(
      `UPDATE "issuer_service"."status_list" SET "next_index" = "next_index" + 1
        WHERE "id" = (SELECT "id" FROM "issuer_service"."status_list"
                       WHERE "issuer_context_id" = $1 AND "purpose" = 'revocation' AND "next_index" < "length"
                       ORDER BY "updated_at" ASC LIMIT 1)
          AND "next_index" < "length"
        RETURNING "id", "next_index" - 1 AS "index"`,
      [issuerContextId],
    ).then((result: any) => (Array.isArray(result[0]) ? result[0] : result));
    return rows.length ? { listId: rows[0].id, index: Number(rows[0].index) } : undefined;
  }

  /** Locks the list for a read-modify-write of its bits. */
  async lock(id: string, manager: EntityManager): Promise<StatusList | undefined> {
    const row = await manager.getRepository(StatusListEntity).createQueryBuilder('l').setLock('pessimistic_write').where('l.id = :id', { id }).getOne();
    return row ? toStatusList(row) : undefined;
  }

  /** New bits: the cached credential no longer matches and is dropped. */
  async updateBits(id: string, encodedList: string, manager: EntityManager): Promise<void> {
    await manager.update(StatusListEntity, { id }, { encodedList, jwt: null, updatedAt: new Date() });
  }

  /** Caches the credential signed for `encodedList`, unless the bits changed meanwhile. */
  async cacheCredential(id: string, encodedList: string, jwt: string): Promise<void> {
    await this.lists.update({ id, encodedList }, { jwt });
  }
}
