import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { In, Repository } from 'typeorm';
import { applyQuerySpec } from '../common/criteria-sql';
import type { JsonObject } from '../common/json-ld';
import { QuerySpec } from '../common/query-spec';
import { ContractDefinitionEntity } from '../database/contract-definition.entity';
import { PolicyDefinitionEntity } from '../database/policy-definition.entity';
import { PolicyDefinition } from './policy-definition';
import { policyDefinitionField } from './policy-definition-fields';

function toDefinition(row: PolicyDefinitionEntity): PolicyDefinition {
  return {
    participantContextId: row.participantContextId,
    id: row.id,
    policy: row.policy as JsonObject,
    privateProperties: row.privateProperties as JsonObject,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Queries of the policy_definition table. Every method is scoped to one participant context. */
@Injectable()
export class PolicyDefinitionRepository {
  constructor(@InjectRepository(PolicyDefinitionEntity) private readonly policies: Repository<PolicyDefinitionEntity>) {}

  async find(participantContextId: string, id: string): Promise<PolicyDefinition | undefined> {
    const row = await this.policies.findOneBy({ participantContextId, id });
    return row ? toDefinition(row) : undefined;
  }

  /** The context's policy definitions with these ids (all when `ids` is undefined), e.g. a contract definition's two. */
  async findForContext(participantContextId: string, ids?: string[]): Promise<PolicyDefinition[]> {
    if (ids && ids.length === 0) return [];
    const rows = await this.policies.find({ where: { participantContextId, ...(ids ? { id: In(ids) } : {}) }, order: { id: 'ASC' } });
    return rows.map(toDefinition);
  }

  async query(participantContextId: string, spec: QuerySpec): Promise<PolicyDefinition[]> {
    const qb = this.policies.createQueryBuilder('e').where('"e"."participant_context_id" = :ctx', { ctx: participantContextId });
    return (await applyQuerySpec(qb, spec, policyDefinitionField, '"e"."id"').getMany()).map(toDefinition);
  }

  async insert(definition: PolicyDefinition): Promise<boolean> {
    const result = await this.policies.createQueryBuilder().insert().into(PolicyDefinitionEntity).values({ ...definition } as QueryDeepPartialEntity<PolicyDefinitionEntity>).orIgnore().returning(['id']).execute();
    return (result.raw?.length ?? 0) > 0;
  }

  async update(definition: Pick<PolicyDefinition, 'participantContextId' | 'id' | 'policy' | 'privateProperties'>): Promise<boolean> {
    const result = await this.policies.update(
      { participantContextId: definition.participantContextId, id: definition.id },
      { policy: definition.policy, privateProperties: definition.privateProperties, updatedAt: new Date() } as QueryDeepPartialEntity<PolicyDefinitionEntity>,
    );
    return (result.affected ?? 0) > 0;
  }

  /**
   * Deletes the policy unless a contract definition references it. The row lock pairs with the share lock
   * ContractDefinitionRepository takes when it creates a reference, so no reference to a deleted policy appears.
   */
  async deleteUnlessReferenced(participantContextId: string, id: string): Promise<'deleted' | 'not-found' | 'in-use'> {
    return this.policies.manager.transaction(async (manager) => {
      const locked = await manager
        .getRepository(PolicyDefinitionEntity)
        .createQueryBuilder('p')
        .setLock('pessimistic_write')
        .where('p.participant_context_id = :ctx AND p.id = :id', { ctx: participantContextId, id })
        .getOne();
      if (!locked) return 'not-found';
      const referenced = await manager
        .getRepository(ContractDefinitionEntity)
        .createQueryBuilder('c')
        .where('c.participant_context_id = :ctx AND (c.access_policy_id = :id OR c.contract_policy_id = :id)', { ctx: participantContextId, id })
        .getExists();
      if (referenced) return 'in-use';
      await manager.getRepository(PolicyDefinitionEntity).delete({ participantContextId, id });
      return 'deleted';
    });
  }
}
