import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { JWK } from 'jose';
import type { KeyAlgorithm } from '@dsaas/identity';
import { AttestationDefinitionEntity } from '../database/attestation-definition.entity';
import { CredentialDefinitionEntity } from '../database/credential-definition.entity';
import { CredentialRequestEntity } from '../database/credential-request.entity';
import { HolderEntity } from '../database/holder.entity';
import { IssuedCredentialEntity } from '../database/issued-credential.entity';
import { IssuerContextEntity } from '../database/issuer-context.entity';
import { StatusListEntity } from '../database/status-list.entity';
import { IssuerContext } from './issuer-context';

function toIssuerContext(row: IssuerContextEntity): IssuerContext {
  return {
    id: row.id,
    did: row.did,
    keyId: row.keyId,
    keyAlgorithm: row.keyAlgorithm as KeyAlgorithm,
    publicJwk: row.publicJwk as JWK,
    createdAt: row.createdAt,
  };
}

/** Queries of the issuer_context table (and the cascade when a context goes away). */
@Injectable()
export class IssuerContextRepository {
  constructor(@InjectRepository(IssuerContextEntity) private readonly contexts: Repository<IssuerContextEntity>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.contexts.manager.transaction(work);
  }

  async find(id: string): Promise<IssuerContext | undefined> {
    const row = await this.contexts.findOneBy({ id });
    return row ? toIssuerContext(row) : undefined;
  }

  async list(): Promise<IssuerContext[]> {
    return (await this.contexts.find({ order: { createdAt: 'ASC', id: 'ASC' } })).map(toIssuerContext);
  }

  /** Inserts unless the id or DID is taken; answers false when it is. */
  async insert(context: IssuerContext, manager: EntityManager): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(IssuerContextEntity)
      .values({ ...context, publicJwk: context.publicJwk as Record<string, any> })
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw?.length ?? 0) > 0;
  }

  /** Removes the context and everything it owns, in one transaction. Answers false when it did not exist. */
  async delete(id: string): Promise<boolean> {
    return this.transaction(async (manager) => {
      const deleted = await manager.delete(IssuerContextEntity, { id });
      for (const entity of [HolderEntity, AttestationDefinitionEntity, CredentialDefinitionEntity, CredentialRequestEntity, IssuedCredentialEntity, StatusListEntity]) {
        await manager.delete(entity, { issuerContextId: id });
      }
      return (deleted.affected ?? 0) > 0;
    });
  }
}
