import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { applyQuerySpec } from '../common/criteria-sql';
import { QuerySpec } from '../common/query-spec';
import { ContractAgreement } from './contract-agreement';
import { ContractAgreementEntity } from './contract-agreement.entity';
import { contractAgreementField } from './contract-agreement-fields';

export function toContractAgreement(row: ContractAgreementEntity): ContractAgreement {
  return {
    participantContextId: row.participantContextId,
    id: row.id,
    negotiationId: row.negotiationId,
    providerId: row.providerId,
    consumerId: row.consumerId,
    assetId: row.assetId,
    policy: row.policy,
    signingDate: row.signingDate,
    createdAt: row.createdAt,
  };
}

/** The contract agreements of each context (written by the negotiation state machine, read by transfers). */
@Injectable()
export class ContractAgreementRepository {
  constructor(@InjectRepository(ContractAgreementEntity) private readonly rows: Repository<ContractAgreementEntity>) {}

  async find(participantContextId: string, id: string): Promise<ContractAgreement | undefined> {
    const row = await this.rows.findOneBy({ participantContextId, id });
    return row ? toContractAgreement(row) : undefined;
  }

  async query(participantContextId: string, spec: QuerySpec): Promise<ContractAgreement[]> {
    const qb = this.rows.createQueryBuilder('e').where('"e"."participant_context_id" = :ctx', { ctx: participantContextId });
    return (await applyQuerySpec(qb, spec, contractAgreementField, '"e"."id"').getMany()).map(toContractAgreement);
  }

  /** Whether an agreement of the context names the asset (an asset under contract cannot be deleted). */
  async existsForAsset(participantContextId: string, assetId: string, manager: EntityManager = this.rows.manager): Promise<boolean> {
    return manager.getRepository(ContractAgreementEntity).existsBy({ participantContextId, assetId });
  }

  /** Stores the agreement in the caller's transaction (the negotiation's transition); a repeat is ignored. */
  async insert(manager: EntityManager, agreement: Omit<ContractAgreement, 'createdAt'>): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ContractAgreementEntity)
      .values({ ...agreement, policy: agreement.policy as never, createdAt: new Date() })
      .orIgnore()
      .execute();
  }
}
