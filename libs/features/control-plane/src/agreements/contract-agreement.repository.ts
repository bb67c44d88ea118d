import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { applyQuerySpec } from '../common/criteria-sql';
import { CONTROL_PLANE_SCHEMA } from '../database/control-plane.schema';
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

/**
 * An agreement counts once its negotiation reached AGREED (the consumer holds it) and until it is terminated: a
 * provider writes the row when it decides to agree (AGREEING), before the message is out.
 */
const IN_FORCE = `EXISTS (SELECT 1 FROM "${CONTROL_PLANE_SCHEMA}"."contract_negotiation" n WHERE n.participant_context_id = e.participant_context_id AND n.id = e.negotiation_id AND n.state IN ('AGREED', 'VERIFYING', 'VERIFIED', 'FINALIZING', 'FINALIZED'))`;

/** The contract agreements of each context (written by the negotiation state machine, read by transfers). */
@Injectable()
export class ContractAgreementRepository {
  constructor(@InjectRepository(ContractAgreementEntity) private readonly rows: Repository<ContractAgreementEntity>) {}

  /** The context's agreement in force with this id, or undefined (also while still being agreed, or terminated). */
  async find(participantContextId: string, id: string): Promise<ContractAgreement | undefined> {
    const row = await this.rows.createQueryBuilder('e').where({ participantContextId, id }).andWhere(IN_FORCE).getOne();
    return row ? toContractAgreement(row) : undefined;
  }

  /** Whatever the negotiation's state (the provider's worker sends the agreement it stored while AGREEING). */
  async findAny(participantContextId: string, id: string): Promise<ContractAgreement | undefined> {
    const row = await this.rows.findOneBy({ participantContextId, id });
    return row ? toContractAgreement(row) : undefined;
  }

  async query(participantContextId: string, spec: QuerySpec): Promise<ContractAgreement[]> {
    const qb = this.rows.createQueryBuilder('e').where('"e"."participant_context_id" = :ctx', { ctx: participantContextId }).andWhere(IN_FORCE);
    return (await applyQuerySpec(qb, spec, contractAgreementField, '"e"."id"').getMany()).map(toContractAgreement);
  }

  /** Whether an agreement in force of the context names the asset (an asset under contract cannot be deleted). */
  async existsForAsset(participantContextId: string, assetId: string): Promise<boolean> {
    return (await this.rows.createQueryBuilder('e').where({ participantContextId, assetId }).andWhere(IN_FORCE).getCount()) > 0;
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
