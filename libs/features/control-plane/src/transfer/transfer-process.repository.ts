import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EntityManager, Repository } from 'typeorm';
import { TRANSFER_PROCESS_STATE_CHANGED_V1 } from '@dsaas/contracts';
import { OutboxWriter } from '@dsaas/messaging';
import { applyQuerySpec } from '../common/criteria-sql';
import { QuerySpec } from '../common/query-spec';
import { transitionColumns } from '../state-machine/state-machine-columns';
import type { DspDataAddress } from './data-address';
import { TransferProcess } from './transfer-process';
import { TransferProcessEntity } from './transfer-process.entity';
import { transferProcessField } from './transfer-process-fields';
import { isWorkerState, TransferRole, TransferState } from './transfer-state';

export function toTransferProcess(row: TransferProcessEntity): TransferProcess {
  return {
    participantContextId: row.participantContextId,
    id: row.id,
    role: row.role as TransferRole,
    state: row.state as TransferState,
    consumerPid: row.consumerPid,
    providerPid: row.providerPid ?? undefined,
    agreementId: row.agreementId,
    assetId: row.assetId ?? undefined,
    counterPartyId: row.counterPartyId,
    counterPartyAddress: row.counterPartyAddress,
    transferType: row.transferType,
    dataDestination: (row.dataDestination as DspDataAddress | null) ?? undefined,
    dataPlaneId: row.dataPlaneId ?? undefined,
    dataFlowState: row.dataFlowState ?? undefined,
    contentDataAddress: (row.contentDataAddress as DspDataAddress | null) ?? undefined,
    callbackAddresses: row.callbackAddresses ?? [],
    privateProperties: row.privateProperties ?? {},
    reason: row.reason ?? undefined,
    errorDetail: row.errorDetail ?? undefined,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Fields a transition may change besides the state. */
export type TransferChanges = Partial<
  Pick<TransferProcess, 'providerPid' | 'dataPlaneId' | 'dataFlowState' | 'contentDataAddress' | 'reason' | 'errorDetail' | 'assetId'>
>;

export type TransitionResult =
  | { changed: true; process: TransferProcess }
  /** The process is in none of the expected states (nothing was changed): `process` is how it is. */
  | { changed: false; process: TransferProcess }
  | undefined;

function columnsOf(changes: TransferChanges): QueryDeepPartialEntity<TransferProcessEntity> {
  const columns: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) columns[key] = value === undefined ? null : value;
  return columns as QueryDeepPartialEntity<TransferProcessEntity>;
}

const ENDING: TransferState[] = [TransferState.TERMINATING, TransferState.TERMINATING_REQUESTED, TransferState.TERMINATED];

/** A new state forgets the errors of earlier attempts, except on the way to TERMINATED: they say why it ended. */
function errorDetailOf(from: TransferState, to: TransferState, changes: TransferChanges): { errorDetail?: string | null } {
  if (changes.errorDetail !== undefined) return { errorDetail: changes.errorDetail };
  if (to === from || ENDING.includes(to)) return {};
  return { errorDetail: null };
}

/** Queries and state changes of the transfer_process table; every state change writes its outbox event in the same transaction. */
@Injectable()
export class TransferProcessRepository {
  constructor(
    @InjectRepository(TransferProcessEntity) private readonly rows: Repository<TransferProcessEntity>,
    private readonly outbox: OutboxWriter,
  ) {}

  async find(participantContextId: string, id: string): Promise<TransferProcess | undefined> {
    const row = await this.rows.findOneBy({ participantContextId, id });
    return row ? toTransferProcess(row) : undefined;
  }

  /** A process by id alone (DPS callbacks name only the flow id, which is our pid: a UUID we generated). */
  async findById(id: string): Promise<TransferProcess | undefined> {
    const rows = await this.rows.find({ where: { id }, take: 2 });
    return rows.length === 1 ? toTransferProcess(rows[0]) : undefined;
  }

  /** A provider process created for this consumer's request (a retried request finds it). */
  async findProviderProcess(participantContextId: string, counterPartyId: string, consumerPid: string): Promise<TransferProcess | undefined> {
    const row = await this.rows.findOneBy({ participantContextId, role: 'PROVIDER', counterPartyId, consumerPid });
    return row ? toTransferProcess(row) : undefined;
  }

  /** `withEdr`: only processes holding an EDR (the EDR list of the management API). */
  async query(participantContextId: string, spec: QuerySpec, filter: { role?: TransferRole; withEdr?: boolean } = {}): Promise<TransferProcess[]> {
    const qb = this.rows.createQueryBuilder('e').where('"e"."participant_context_id" = :ctx', { ctx: participantContextId });
    if (filter.role) qb.andWhere('"e"."role" = :role', { role: filter.role });
    if (filter.withEdr) qb.andWhere('"e"."content_data_address" IS NOT NULL');
    return (await applyQuerySpec(qb, spec, transferProcessField, '"e"."id"').getMany()).map(toTransferProcess);
  }

  /** Stores a new process (and its first state event); false when a process with its id or consumerPid exists. */
  async insert(process: Omit<TransferProcess, 'createdAt' | 'updatedAt'>): Promise<boolean> {
    return this.rows.manager.transaction(async (manager) => {
      const now = new Date();
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(TransferProcessEntity)
        .values({
          ...columnsOf(process as TransferChanges),
          participantContextId: process.participantContextId,
          id: process.id,
          role: process.role,
          state: process.state,
          consumerPid: process.consumerPid,
          agreementId: process.agreementId,
          counterPartyId: process.counterPartyId,
          counterPartyAddress: process.counterPartyAddress,
          transferType: process.transferType,
          dataDestination: (process.dataDestination ?? null) as never,
          callbackAddresses: process.callbackAddresses as never,
          privateProperties: process.privateProperties as never,
          attempts: 0,
          nextAttemptAt: isWorkerState(process.role, process.state) ? now : null,
          version: 0,
          createdAt: now,
          updatedAt: now,
        } as QueryDeepPartialEntity<TransferProcessEntity>)
        .orIgnore()
        .returning(['id'])
        .execute();
      if ((result.raw?.length ?? 0) === 0) return false;
      await this.emit(manager, { ...process, createdAt: now, updatedAt: now } as TransferProcess, undefined);
      return true;
    });
  }

  /**
   * Moves the process from one of `from` to `to` (with `changes`) when it is in one of them, in one transaction
   * with its outbox event. A worker lease on the row is dropped: the worker's own result then fails its version
   * check, so a message from the counter-party always wins over work in flight.
   */
  async transition(participantContextId: string, id: string, from: readonly TransferState[], to: TransferState, changes: TransferChanges = {}): Promise<TransitionResult> {
    return this.rows.manager.transaction(async (manager) => {
      const row = await manager.getRepository(TransferProcessEntity).createQueryBuilder('e').setLock('pessimistic_write').where({ participantContextId, id }).getOne();
      if (!row) return undefined;
      const current = toTransferProcess(row);
      if (!from.includes(current.state)) return { changed: false, process: current };
      const process = await this.apply(manager, current, to, changes);
      return { changed: true, process };
    });
  }

  /** Applies a transition to a row already locked (or leased) by the caller's transaction. */
  async apply(manager: EntityManager, current: TransferProcess, to: TransferState, changes: TransferChanges): Promise<TransferProcess> {
    const now = new Date();
    await manager
      .createQueryBuilder()
      .update(TransferProcessEntity)
      .set({
        ...columnsOf(changes),
        ...transitionColumns(to, isWorkerState(current.role, to), now),
        ...errorDetailOf(current.state, to, changes),
      } as QueryDeepPartialEntity<TransferProcessEntity>)
      .where({ participantContextId: current.participantContextId, id: current.id })
      .execute();
    const process: TransferProcess = { ...current, ...changes, state: to, updatedAt: now };
    if (to !== current.state) await this.emit(manager, process, current.state);
    return process;
  }

  private async emit(manager: EntityManager, process: TransferProcess, previousState: TransferState | undefined): Promise<void> {
    await this.outbox.enqueue(
      manager,
      TRANSFER_PROCESS_STATE_CHANGED_V1,
      {
        participantContextId: process.participantContextId,
        transferProcessId: process.id,
        role: process.role,
        state: process.state,
        ...(previousState ? { previousState } : {}),
        agreementId: process.agreementId,
        transferType: process.transferType,
        at: process.updatedAt.toISOString(),
      },
      { key: `${process.participantContextId}:${process.id}` },
    );
  }
}
