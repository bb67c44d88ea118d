import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EntityManager, Repository } from 'typeorm';
import { CONTRACT_NEGOTIATION_STATE_CHANGED_V1 } from '@dsaas/contracts';
import { OutboxWriter } from '@dsaas/messaging';
import { ContractAgreement } from '../agreements/contract-agreement';
import { ContractAgreementRepository } from '../agreements/contract-agreement.repository';
import { applyQuerySpec } from '../common/criteria-sql';
import { QuerySpec } from '../common/query-spec';
import { transitionColumns } from '../state-machine/state-machine-columns';
import { ContractNegotiation } from './contract-negotiation';
import { ContractNegotiationEntity } from './contract-negotiation.entity';
import { contractNegotiationField } from './contract-negotiation-fields';
import { isNegotiationWorkState, NegotiationRole, NegotiationState } from './negotiation-state';

export function toContractNegotiation(row: ContractNegotiationEntity): ContractNegotiation {
  return {
    participantContextId: row.participantContextId,
    id: row.id,
    role: row.role as NegotiationRole,
    state: row.state as NegotiationState,
    counterPartyId: row.counterPartyId,
    counterPartyAddress: row.counterPartyAddress,
    protocol: row.protocol,
    consumerPid: row.consumerPid,
    providerPid: row.providerPid ?? undefined,
    assetId: row.assetId,
    offer: row.offer,
    contractDefinitionId: row.contractDefinitionId ?? undefined,
    agreementId: row.agreementId ?? undefined,
    callbackAddresses: row.callbackAddresses ?? [],
    reason: row.reason ?? undefined,
    errorDetail: row.errorDetail ?? undefined,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Fields a transition may change besides the state. */
export type NegotiationChanges = Partial<Pick<ContractNegotiation, 'providerPid' | 'offer' | 'agreementId' | 'reason' | 'errorDetail'>> & {
  /** An agreement stored in the same transaction. */
  agreement?: Omit<ContractAgreement, 'createdAt'>;
};

export type NegotiationTransition = { changed: boolean; negotiation: ContractNegotiation } | undefined;

function columnsOf(changes: NegotiationChanges): QueryDeepPartialEntity<ContractNegotiationEntity> {
  const columns: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) if (key !== 'agreement') columns[key] = value === undefined ? null : value;
  return columns as QueryDeepPartialEntity<ContractNegotiationEntity>;
}

/** Queries and state changes of the contract_negotiation table; every state change writes its outbox event in the same transaction. */
@Injectable()
export class ContractNegotiationRepository {
  constructor(
    @InjectRepository(ContractNegotiationEntity) private readonly rows: Repository<ContractNegotiationEntity>,
    private readonly agreements: ContractAgreementRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async find(participantContextId: string, id: string): Promise<ContractNegotiation | undefined> {
    const row = await this.rows.findOneBy({ participantContextId, id });
    return row ? toContractNegotiation(row) : undefined;
  }

  /** A provider negotiation created for this consumer's request (a retried request finds it). */
  async findProviderNegotiation(participantContextId: string, counterPartyId: string, consumerPid: string): Promise<ContractNegotiation | undefined> {
    const row = await this.rows.findOneBy({ participantContextId, role: 'PROVIDER', counterPartyId, consumerPid });
    return row ? toContractNegotiation(row) : undefined;
  }

  async findByAgreement(participantContextId: string, agreementId: string): Promise<ContractNegotiation | undefined> {
    const row = await this.rows.findOneBy({ participantContextId, agreementId });
    return row ? toContractNegotiation(row) : undefined;
  }

  async query(participantContextId: string, spec: QuerySpec): Promise<ContractNegotiation[]> {
    const qb = this.rows.createQueryBuilder('e').where('"e"."participant_context_id" = :ctx', { ctx: participantContextId });
    return (await applyQuerySpec(qb, spec, contractNegotiationField, '"e"."id"').getMany()).map(toContractNegotiation);
  }

  /** Stores a new negotiation (and its first state event); false when one with its id or consumerPid exists. */
  async insert(negotiation: Omit<ContractNegotiation, 'createdAt' | 'updatedAt'>): Promise<boolean> {
    return this.rows.manager.transaction(async (manager) => {
      const now = new Date();
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(ContractNegotiationEntity)
        .values({
          participantContextId: negotiation.participantContextId,
          id: negotiation.id,
          role: negotiation.role,
          state: negotiation.state,
          counterPartyId: negotiation.counterPartyId,
          counterPartyAddress: negotiation.counterPartyAddress,
          protocol: negotiation.protocol,
          consumerPid: negotiation.consumerPid,
          providerPid: negotiation.providerPid ?? null,
          assetId: negotiation.assetId,
          offer: negotiation.offer as never,
          contractDefinitionId: negotiation.contractDefinitionId ?? null,
          callbackAddresses: negotiation.callbackAddresses as never,
          attempts: 0,
          nextAttemptAt: isNegotiationWorkState(negotiation.role, negotiation.state) ? now : null,
          version: 0,
          createdAt: now,
          updatedAt: now,
        } as QueryDeepPartialEntity<ContractNegotiationEntity>)
        .orIgnore()
        .returning(['id'])
        .execute();
      if ((result.raw?.length ?? 0) === 0) return false;
      await this.emit(manager, { ...negotiation, createdAt: now, updatedAt: now } as ContractNegotiation, undefined);
      return true;
    });
  }

  /**
   * Moves the negotiation from one of `from` to `to` (with `changes`) when it is in one of them, in one transaction
   * with its outbox event. A worker's lease on the row is dropped: its result then fails the version check, so a
   * counter-party's message always wins over work in flight.
   */
  async transition(participantContextId: string, id: string, from: readonly NegotiationState[], to: NegotiationState, changes: NegotiationChanges = {}): Promise<NegotiationTransition> {
    return this.rows.manager.transaction(async (manager) => {
      const row = await manager.getRepository(ContractNegotiationEntity).createQueryBuilder('e').setLock('pessimistic_write').where({ participantContextId, id }).getOne();
      if (!row) return undefined;
      const current = toContractNegotiation(row);
      if (!from.includes(current.state)) return { changed: false, negotiation: current };
      return { changed: true, negotiation: await this.apply(manager, current, to, changes) };
    });
  }

  /** Applies a transition to a row the caller's transaction holds (locked or leased). */
  async apply(manager: EntityManager, current: ContractNegotiation, to: NegotiationState, changes: NegotiationChanges): Promise<ContractNegotiation> {
    const now = new Date();
    if (changes.agreement) await this.agreements.insert(manager, changes.agreement);
    await manager
      .createQueryBuilder()
      .update(ContractNegotiationEntity)
      .set({
        ...columnsOf(changes),
        ...(to === current.state ? {} : { errorDetail: changes.errorDetail ?? null }),
        ...transitionColumns(to, isNegotiationWorkState(current.role, to), now),
      } as QueryDeepPartialEntity<ContractNegotiationEntity>)
      .where({ participantContextId: current.participantContextId, id: current.id })
      .execute();
    const { agreement: _agreement, ...fields } = changes;
    const negotiation: ContractNegotiation = { ...current, ...fields, state: to, updatedAt: now };
    if (to !== current.state) await this.emit(manager, negotiation, current.state);
    return negotiation;
  }

  private async emit(manager: EntityManager, negotiation: ContractNegotiation, previousState: NegotiationState | undefined): Promise<void> {
    await this.outbox.enqueue(
      manager,
      CONTRACT_NEGOTIATION_STATE_CHANGED_V1,
      {
        participantContextId: negotiation.participantContextId,
        contractNegotiationId: negotiation.id,
        role: negotiation.role,
        state: negotiation.state,
        ...(previousState ? { previousState } : {}),
        counterPartyId: negotiation.counterPartyId,
        assetId: negotiation.assetId,
        ...(negotiation.agreementId ? { agreementId: negotiation.agreementId } : {}),
        at: negotiation.updatedAt.toISOString(),
      },
      { key: `${negotiation.participantContextId}:${negotiation.id}` },
    );
  }
}
