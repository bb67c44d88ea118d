import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { DataFlow, FlowKind } from './data-flow';
import { DataFlowEntity } from './data-flow.entity';
import { DataFlowState } from './data-flow-state';

function toDataFlow(row: DataFlowEntity): DataFlow {
  return {
    id: row.id,
    participantContextId: row.participantContextId,
    state: row.state as DataFlowState,
    kind: row.kind as FlowKind,
    profile: row.profile,
    transferType: row.transferType,
    agreementId: row.agreementId,
    datasetId: row.datasetId,
    counterPartyId: row.counterPartyId,
    callbackAddress: row.callbackAddress ?? undefined,
    source: row.source,
    tokenGeneration: row.tokenGeneration,
    refreshTokenHash: row.refreshTokenHash ?? undefined,
    bytesTransferred: Number(row.bytesTransferred),
    attempts: row.attempts,
    error: row.error ?? undefined,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The rows of an `UPDATE ... RETURNING` (TypeORM's postgres driver answers `[rows, affectedCount]`). */
function updatedRows<T = unknown>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}

export type NewDataFlow = Omit<DataFlow, 'tokenGeneration' | 'bytesTransferred' | 'attempts' | 'createdAt' | 'updatedAt' | 'refreshTokenHash' | 'error'>;

/** Queries of the data_flow table; the only place that touches it. */
@Injectable()
export class DataFlowRepository {
  constructor(@InjectRepository(DataFlowEntity) private readonly flows: Repository<DataFlowEntity>) {}

  async find(id: string): Promise<DataFlow | undefined> {
    const row = await this.flows.findOneBy({ id });
    return row ? toDataFlow(row) : undefined;
  }

  /** Inserts the flow unless one with its id exists; answers the stored flow and whether it was created. */
  async insertIfAbsent(flow: NewDataFlow): Promise<{ flow: DataFlow; created: boolean }> {
    const now = new Date();
    const result = await this.flows
      .createQueryBuilder()
      .insert()
      .into(DataFlowEntity)
      .values({ ...flow, callbackAddress: flow.callbackAddress ?? null, createdAt: now, updatedAt: now })
      .orIgnore()
      .returning(['id'])
      .execute();
    const created = (result.raw as unknown[]).length > 0;
    return { flow: (await this.find(flow.id))!, created };
  }

  /**
   * Moves the flow to `to` if it is in one of `from` (compare-and-set, so concurrent signals cannot both apply).
   * `revoke` bumps the token generation: every EDR token issued so far stops working.
   */
  async transition(id: string, from: DataFlowState[], to: DataFlowState, options: { revoke?: boolean; error?: string; releaseLease?: boolean } = {}): Promise<boolean> {
    const query = this.flows
      .createQueryBuilder()
      .update(DataFlowEntity)
      .set({
        state: to,
        updatedAt: new Date(),
        ...(options.revoke ? { tokenGeneration: () => '"token_generation" + 1' } : {}),
        ...(options.error !== undefined ? { error: options.error.slice(0, 2048) } : {}),
        ...(options.releaseLease ? { leaseUntil: null } : {}),
      })
      .where('id = :id', { id })
      .andWhere({ state: In(from) });
    return ((await query.execute()).affected ?? 0) > 0;
  }

  async setRefreshTokenHash(id: string, hash: string): Promise<void> {
    await this.flows.update({ id }, { refreshTokenHash: hash, updatedAt: new Date() });
  }

  /** Replaces the refresh token only if `expected` is still the current one (a refresh token works once). */
  async rotateRefreshTokenHash(id: string, expected: string, next: string): Promise<boolean> {
    const result = await this.flows.update({ id, refreshTokenHash: expected, state: 'STARTED' }, { refreshTokenHash: next, updatedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  async addBytes(id: string, bytes: number): Promise<void> {
    if (bytes <= 0) return;
    await this.flows.createQueryBuilder().update(DataFlowEntity).set({ bytesTransferred: () => `"bytes_transferred" + ${Math.floor(bytes)}` }).where('id = :id', { id }).execute();
  }

  async setBytes(id: string, bytes: number): Promise<void> {
    await this.flows.update({ id }, { bytesTransferred: String(Math.floor(bytes)) });
  }

  /** Counts one more attempt of a push; answers the new count. */
  async countAttempt(id: string): Promise<number> {
    const rows = updatedRows<{ attempts: number }>(await this.flows.query(`UPDATE "data_plane"."data_flow" SET "attempts" = "attempts" + 1 WHERE "id" = $1 RETURNING "attempts"`, [id]));
    return rows[0]?.attempts ?? 0;
  }

  /** Takes the runner lease of a STARTED flow of `kind` if nobody holds it (or the holder stopped renewing). */
  async claim(id: string, leaseMs: number): Promise<boolean> {
    const rows = updatedRows(await this.flows.query(
      `UPDATE "data_plane"."data_flow" SET "lease_until" = now() + ($2 || ' milliseconds')::interval
       WHERE "id" = $1 AND "state" = 'STARTED' AND ("lease_until" IS NULL OR "lease_until" < now()) RETURNING "id"`,
      [id, String(leaseMs)],
    ));
    return rows.length > 0;
  }

  async renewLease(id: string, leaseMs: number): Promise<void> {
    await this.flows.query(`UPDATE "data_plane"."data_flow" SET "lease_until" = now() + ($2 || ' milliseconds')::interval WHERE "id" = $1`, [id, String(leaseMs)]);
  }

  async releaseLease(id: string): Promise<void> {
    await this.flows.update({ id }, { leaseUntil: null });
  }

  /** Flows a runner must drive (push, streams) whose lease is free or lapsed: left over by a crashed replica. */
  async findOrphaned(limit = 50): Promise<DataFlow[]> {
    const rows = await this.flows
      .createQueryBuilder('f')
      .where(`f.state = 'STARTED'`)
      .andWhere(`f.kind = 'PUSH'`)
      .andWhere('(f.lease_until IS NULL OR f.lease_until < now())')
      .orderBy('f.created_at', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map(toDataFlow);
  }
}
