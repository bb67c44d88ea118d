import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import type { CredentialFormat } from '@dsaas/identity';
import { IssuedCredentialEntity } from '../database/issued-credential.entity';
import { IssuedCredential } from './issued-credential';

function toIssuedCredential(row: IssuedCredentialEntity): IssuedCredential {
  return {
    id: row.id,
    issuerContextId: row.issuerContextId,
    requestId: row.requestId ?? undefined,
    credentialDefinitionId: row.credentialDefinitionId,
    credentialType: row.credentialType,
    holderDid: row.holderDid,
    format: row.format as CredentialFormat,
    statusListId: row.statusListId,
    statusListIndex: row.statusListIndex,
    jwt: row.jwt,
    issuedAt: row.issuedAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt ?? undefined,
  };
}

/** Queries of the issued credentials; every query names the issuer context. */
@Injectable()
export class IssuedCredentialRepository {
  constructor(@InjectRepository(IssuedCredentialEntity) private readonly credentials: Repository<IssuedCredentialEntity>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.credentials.manager.transaction(work);
  }

  async insert(credential: IssuedCredential, manager: EntityManager): Promise<void> {
    await manager.insert(IssuedCredentialEntity, { ...credential, requestId: credential.requestId ?? null, revokedAt: credential.revokedAt ?? null });
  }

  async find(issuerContextId: string, id: string): Promise<IssuedCredential | undefined> {
    const row = await this.credentials.findOneBy({ issuerContextId, id });
    return row ? toIssuedCredential(row) : undefined;
  }

  async list(issuerContextId: string, holderDid?: string): Promise<IssuedCredential[]> {
    const rows = await this.credentials.find({
      where: { issuerContextId, ...(holderDid ? { holderDid } : {}) },
      order: { issuedAt: 'DESC', id: 'ASC' },
    });
    return rows.map(toIssuedCredential);
  }

  async forRequest(requestId: string, manager?: EntityManager): Promise<IssuedCredential[]> {
    const rows = await (manager ?? this.credentials.manager).find(IssuedCredentialEntity, { where: { requestId }, order: { issuedAt: 'ASC', id: 'ASC' } });
    return rows.map(toIssuedCredential);
  }

  /** Answers false when it already was revoked. */
  async markRevoked(id: string, at: Date, manager: EntityManager): Promise<boolean> {
    const result = await manager.update(IssuedCredentialEntity, { id, revokedAt: IsNull() }, { revokedAt: at });
    return (result.affected ?? 0) > 0;
  }
}
