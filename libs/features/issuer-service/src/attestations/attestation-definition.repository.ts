import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AttestationDefinitionEntity } from '../database/attestation-definition.entity';
import { AttestationDefinition, AttestationType, DatabaseAttestationConfig } from './attestation-definition';

function toDefinition(row: AttestationDefinitionEntity): AttestationDefinition {
  return {
    issuerContextId: row.issuerContextId,
    id: row.id,
    type: row.type as AttestationType,
    config: row.config as unknown as DatabaseAttestationConfig,
    createdAt: row.createdAt,
  };
}

/** Queries of the attestation definitions; every query names the issuer context. */
@Injectable()
export class AttestationDefinitionRepository {
  constructor(@InjectRepository(AttestationDefinitionEntity) private readonly definitions: Repository<AttestationDefinitionEntity>) {}

  async find(issuerContextId: string, id: string): Promise<AttestationDefinition | undefined> {
    const row = await this.definitions.findOneBy({ issuerContextId, id });
    return row ? toDefinition(row) : undefined;
  }

  async findMany(issuerContextId: string, ids: string[]): Promise<AttestationDefinition[]> {
    if (ids.length === 0) return [];
    return (await this.definitions.findBy({ issuerContextId, id: In(ids) })).map(toDefinition);
  }

  async list(issuerContextId: string): Promise<AttestationDefinition[]> {
    return (await this.definitions.find({ where: { issuerContextId }, order: { createdAt: 'ASC', id: 'ASC' } })).map(toDefinition);
  }

  async insert(definition: AttestationDefinition, manager?: EntityManager): Promise<boolean> {
    const result = await (manager ?? this.definitions.manager)
      .createQueryBuilder()
      .insert()
      .into(AttestationDefinitionEntity)
      .values({ ...definition, config: definition.config as unknown as Record<string, any> })
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw?.length ?? 0) > 0;
  }

  async update(definition: AttestationDefinition): Promise<void> {
    await this.definitions.update(
      { issuerContextId: definition.issuerContextId, id: definition.id },
      { type: definition.type, config: definition.config as unknown as Record<string, any> },
    );
  }

  async delete(issuerContextId: string, id: string): Promise<boolean> {
    return ((await this.definitions.delete({ issuerContextId, id })).affected ?? 0) > 0;
  }
}
