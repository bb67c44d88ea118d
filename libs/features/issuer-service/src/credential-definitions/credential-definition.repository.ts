import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { CredentialFormat } from '@dsaas/identity';
import { CredentialDefinitionEntity } from '../database/credential-definition.entity';
import { ClaimMapping, CredentialDefinition, CredentialRule } from './credential-definition';

function toDefinition(row: CredentialDefinitionEntity): CredentialDefinition {
  return {
    issuerContextId: row.issuerContextId,
    id: row.id,
    credentialType: row.credentialType,
    format: row.format as CredentialFormat,
    validitySeconds: row.validitySeconds,
    attestations: row.attestations,
    rules: row.rules as CredentialRule[],
    mappings: row.mappings as ClaimMapping[],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Queries of the credential definitions; every query names the issuer context. */
@Injectable()
export class CredentialDefinitionRepository {
  constructor(@InjectRepository(CredentialDefinitionEntity) private readonly definitions: Repository<CredentialDefinitionEntity>) {}

  async find(issuerContextId: string, id: string): Promise<CredentialDefinition | undefined> {
    const row = await this.definitions.findOneBy({ issuerContextId, id });
    return row ? toDefinition(row) : undefined;
  }

  async findMany(issuerContextId: string, ids: string[]): Promise<CredentialDefinition[]> {
    if (ids.length === 0) return [];
    return (await this.definitions.findBy({ issuerContextId, id: In(ids) })).map(toDefinition);
  }

  async list(issuerContextId: string): Promise<CredentialDefinition[]> {
    return (await this.definitions.find({ where: { issuerContextId }, order: { createdAt: 'ASC', id: 'ASC' } })).map(toDefinition);
  }

  async insert(definition: CredentialDefinition, manager?: EntityManager): Promise<boolean> {
    const result = await (manager ?? this.definitions.manager)
      .createQueryBuilder()
      .insert()
      .into(CredentialDefinitionEntity)
      .values({ ...definition, rules: definition.rules as any[], mappings: definition.mappings as any[] })
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw?.length ?? 0) > 0;
  }

  async update(definition: CredentialDefinition): Promise<void> {
    await this.definitions.update(
      { issuerContextId: definition.issuerContextId, id: definition.id },
      {
        credentialType: definition.credentialType,
        format: definition.format,
        validitySeconds: definition.validitySeconds,
        attestations: definition.attestations,
        rules: definition.rules as any[],
        mappings: definition.mappings as any[],
        updatedAt: definition.updatedAt,
      },
    );
  }

  async delete(issuerContextId: string, id: string): Promise<boolean> {
    return ((await this.definitions.delete({ issuerContextId, id })).affected ?? 0) > 0;
  }
}
