import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EntityManager, In, Repository } from 'typeorm';
import { applyQuerySpec } from '../common/criteria-sql';
import type { Criterion } from '../common/criterion';
import type { JsonObject } from '../common/json-ld';
import { QuerySpec } from '../common/query-spec';
import { ContractDefinitionEntity } from '../database/contract-definition.entity';
import { PolicyDefinitionEntity } from '../database/policy-definition.entity';
import { ContractDefinition } from './contract-definition';
import { contractDefinitionField } from './contract-definition-fields';

function toDefinition(row: ContractDefinitionEntity): ContractDefinition {
  return {
    participantContextId: row.participantContextId,
    id: row.id,
    accessPolicyId: row.accessPolicyId,
    contractPolicyId: row.contractPolicyId,
    assetsSelector: row.assetsSelector as Criterion[],
    privateProperties: row.privateProperties as JsonObject,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type ContractDefinitionWriteOutcome = { ok: true } | { ok: false; reason: 'conflict' | 'not-found' } | { ok: false; reason: 'missing-policies'; missing: string[] };

/** Queries of the contract_definition table. Every method is scoped to one participant context. */
@Injectable()
export class ContractDefinitionRepository {
  constructor(@InjectRepository(ContractDefinitionEntity) private readonly definitions: Repository<ContractDefinitionEntity>) {}

  async find(participantContextId: string, id: string): Promise<ContractDefinition | undefined> {
    const row = await this.definitions.findOneBy({ participantContextId, id });
    return row ? toDefinition(row) : undefined;
  }

  /** The context's contract definitions (those with these ids when given), ordered by id: what a catalog offers. */
  async findForContext(participantContextId: string, ids?: string[]): Promise<ContractDefinition[]> {
    if (ids && ids.length === 0) return [];
    const rows = await this.definitions.find({ where: { participantContextId, ...(ids ? { id: In(ids) } : {}) }, order: { id: 'ASC' } });
    return rows.map(toDefinition);
  }

  async query(participantContextId: string, spec: QuerySpec): Promise<ContractDefinition[]> {
    const qb = this.definitions.createQueryBuilder('e').where('"e"."participant_context_id" = :ctx', { ctx: participantContextId });
    return (await applyQuerySpec(qb, spec, contractDefinitionField, '"e"."id"').getMany()).map(toDefinition);
  }

  /** Inserts the definition when both policies exist in its context (they stay locked until commit). */
  async insert(definition: ContractDefinition): Promise<ContractDefinitionWriteOutcome> {
    return this.definitions.manager.transaction(async (manager) => {
      const missing = await this.lockPolicies(manager, definition);
      if (missing.length) return { ok: false, reason: 'missing-policies', missing };
      const result = await manager.createQueryBuilder().insert().into(ContractDefinitionEntity).values({ ...definition } as QueryDeepPartialEntity<ContractDefinitionEntity>).orIgnore().returning(['id']).execute();
      return (result.raw?.length ?? 0) > 0 ? { ok: true } : { ok: false, reason: 'conflict' };
    });
  }

  async update(definition: Omit<ContractDefinition, 'createdAt' | 'updatedAt'>): Promise<ContractDefinitionWriteOutcome> {
    return this.definitions.manager.transaction(async (manager) => {
      const missing = await this.lockPolicies(manager, definition);
      if (missing.length) return { ok: false, reason: 'missing-policies', missing };
      const result = await manager.getRepository(ContractDefinitionEntity).update(
        { participantContextId: definition.participantContextId, id: definition.id },
        {
          accessPolicyId: definition.accessPolicyId,
          contractPolicyId: definition.contractPolicyId,
          assetsSelector: definition.assetsSelector,
          privateProperties: definition.privateProperties,
          updatedAt: new Date(),
        } as QueryDeepPartialEntity<ContractDefinitionEntity>,
      );
      return (result.affected ?? 0) > 0 ? { ok: true } : { ok: false, reason: 'not-found' };
    });
  }

  async delete(participantContextId: string, id: string): Promise<boolean> {
    const result = await this.definitions.delete({ participantContextId, id });
    return (result.affected ?? 0) > 0;
  }

  /** Share-locks the referenced policies (a concurrent policy delete waits) and answers the ids that do not exist. */
  private async lockPolicies(manager: EntityManager, definition: Pick<ContractDefinition, 'participantContextId' | 'accessPolicyId' | 'contractPolicyId'>): Promise<string[]> {
    const wanted = [...new Set([definition.accessPolicyId, definition.contractPolicyId])];
    const found = await manager
      .getRepository(PolicyDefinitionEntity)
      .createQueryBuilder('p')
      .select(['p.id'])
      .setLock('pessimistic_read')
      .where('p.participant_context_id = :ctx AND p.id IN (:...ids)', { ctx: definition.participantContextId, ids: wanted })
      .getMany();
    const existing = new Set(found.map((p) => p.id));
    return wanted.filter((id) => !existing.has(id));
  }
}
