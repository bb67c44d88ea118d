import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { applyCriteria, binderFor, FieldResolver, jsonField } from '../common/criteria-sql';
import { Criterion } from '../common/criterion';
import { AssetEntity } from '../database/asset.entity';
import { ContractDefinitionEntity } from '../database/contract-definition.entity';
import { DataPlaneEntity } from '../database/data-plane.entity';
import { PolicyDefinitionEntity } from '../database/policy-definition.entity';

export interface OfferDefinition {
  id: string;
  accessPolicy?: Record<string, unknown>;
  contractPolicy?: Record<string, unknown>;
  assetsSelector: Criterion[];
}

export interface CatalogAsset {
  id: string;
  properties: Record<string, unknown>;
  dataAddressType?: string;
}

export interface CatalogDataPlane {
  id: string;
  allowedSourceTypes: string[];
  allowedTransferTypes: string[];
}

/** Asset selector fields: the asset id, or a (public) property by name or `properties.<name>`. */
const assetField: FieldResolver = (field, bind) => {
  if (['id', '@id', 'assetId', 'asset:prop:id'].includes(field)) return { kind: 'text', expression: '"asset"."id"' };
  const name = field.startsWith('properties.') ? field.slice('properties.'.length) : field;
  return jsonField('"asset"."properties"', name, bind);
};

/** Read-only queries over the management API's tables that the catalog and the negotiation need. */
@Injectable()
export class CatalogOfferSourceRepository {
  constructor(
    @InjectRepository(ContractDefinitionEntity) private readonly definitionRows: Repository<ContractDefinitionEntity>,
    @InjectRepository(PolicyDefinitionEntity) private readonly policyRows: Repository<PolicyDefinitionEntity>,
    @InjectRepository(AssetEntity) private readonly assetRows: Repository<AssetEntity>,
    @InjectRepository(DataPlaneEntity) private readonly dataPlaneRows: Repository<DataPlaneEntity>,
  ) {}

  /** Every contract definition of the context with its policies (a missing policy stays undefined: offers nothing). */
  async definitions(participantContextId: string, ids?: string[]): Promise<OfferDefinition[]> {
    const rows = await this.definitionRows.find({
      where: { participantContextId, ...(ids ? { id: In(ids) } : {}) },
      order: { id: 'ASC' },
    });
    const policyIds = [...new Set(rows.flatMap((row) => [row.accessPolicyId, row.contractPolicyId]))];
    const policies = policyIds.length ? await this.policyRows.find({ where: { participantContextId, id: In(policyIds) } }) : [];
    const byId = new Map(policies.map((policy) => [policy.id, policy.policy]));
    return rows.map((row) => ({
      id: row.id,
      accessPolicy: byId.get(row.accessPolicyId),
      contractPolicy: byId.get(row.contractPolicyId),
      assetsSelector: (row.assetsSelector ?? []) as Criterion[],
    }));
  }

  async definition(participantContextId: string, id: string): Promise<OfferDefinition | undefined> {
    return (await this.definitions(participantContextId, [id]))[0];
  }

  /** The assets a selector picks, ordered by id; `assetId` narrows to one asset. */
  async selectedAssets(participantContextId: string, selector: Criterion[], assetId?: string): Promise<CatalogAsset[]> {
    const qb = this.assetRows.createQueryBuilder('asset').where('"asset"."participant_context_id" = :ctx', { ctx: participantContextId });
    if (assetId !== undefined) qb.andWhere('"asset"."id" = :assetId', { assetId });
    applyCriteria(qb, selector, assetField, binderFor(qb));
    const rows = await qb.orderBy('"asset"."id"', 'ASC').getMany();
    return rows.map((row) => ({
      id: row.id,
      properties: row.properties ?? {},
      dataAddressType: typeof row.dataAddress?.type === 'string' ? (row.dataAddress.type as string) : undefined,
    }));
  }

  async dataPlanes(participantContextId: string): Promise<CatalogDataPlane[]> {
    const rows = await this.dataPlaneRows.find({ where: { participantContextId }, order: { id: 'ASC' } });
    return rows
      .filter((row) => !['UNAVAILABLE', 'DISABLED', 'DELETED'].includes(String(row.state).toUpperCase()))
      .map((row) => ({ id: row.id, allowedSourceTypes: row.allowedSourceTypes ?? [], allowedTransferTypes: row.allowedTransferTypes ?? [] }));
  }
}
