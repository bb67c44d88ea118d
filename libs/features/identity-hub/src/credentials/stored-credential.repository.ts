import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { CredentialFormat } from '@dsaas/identity';
import { StoredCredentialEntity } from '../database/stored-credential.entity';
import { CredentialSource, StoredCredential } from './stored-credential';

function toCredential(row: StoredCredentialEntity): StoredCredential {
  return {
    id: row.id,
    participantContextId: row.participantContextId,
    credentialId: row.credentialId ?? undefined,
    types: row.types,
    issuer: row.issuer,
    format: row.format as CredentialFormat,
    raw: row.raw,
    content: row.content,
    contentHash: row.contentHash,
    validFrom: row.validFrom ?? undefined,
    validUntil: row.validUntil ?? undefined,
    source: row.source as CredentialSource,
    holderPid: row.holderPid ?? undefined,
    createdAt: row.createdAt,
  };
}

/** Queries of the stored_credential table. Every query names the context: one context never sees another's. */
@Injectable()
export class StoredCredentialRepository {
  constructor(@InjectRepository(StoredCredentialEntity) private readonly credentials: Repository<StoredCredentialEntity>) {}

  async list(participantContextId: string, type?: string): Promise<StoredCredential[]> {
    const query = this.credentials
      .createQueryBuilder('c')
      .where('c.participant_context_id = :participantContextId', { participantContextId })
      .orderBy('c.created_at', 'ASC')
      .addOrderBy('c.id', 'ASC');
    if (type) query.andWhere(':type = ANY(c.types)', { type });
    return (await query.getMany()).map(toCredential);
  }

  /** Credentials holding any of the types. */
  async withAnyType(participantContextId: string, types: string[]): Promise<StoredCredential[]> {
    if (types.length === 0) return [];
    const rows = await this.credentials
      .createQueryBuilder('c')
      .where('c.participant_context_id = :participantContextId', { participantContextId })
      .andWhere('c.types && :types', { types })
      .orderBy('c.created_at', 'ASC')
      .getMany();
    return rows.map(toCredential);
  }

  async find(participantContextId: string, id: string): Promise<StoredCredential | undefined> {
    const row = await this.credentials.findOneBy({ participantContextId, id });
    return row ? toCredential(row) : undefined;
  }

  async findByHash(participantContextId: string, contentHash: string): Promise<StoredCredential | undefined> {
    const row = await this.credentials.findOneBy({ participantContextId, contentHash });
    return row ? toCredential(row) : undefined;
  }

  /** Inserts unless the context already holds the same JWT; answers whether it inserted. */
  async insertIfAbsent(credential: StoredCredential): Promise<boolean> {
    const result = await this.credentials
      .createQueryBuilder()
      .insert()
      .values({
        id: credential.id,
        participantContextId: credential.participantContextId,
        credentialId: credential.credentialId ?? null,
        types: credential.types,
        issuer: credential.issuer,
        format: credential.format,
        raw: credential.raw,
        content: credential.content as Record<string, any>,
        contentHash: credential.contentHash,
        validFrom: credential.validFrom ?? null,
        validUntil: credential.validUntil ?? null,
        source: credential.source,
        holderPid: credential.holderPid ?? null,
        createdAt: credential.createdAt,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw?.length ?? 0) > 0;
  }

  async delete(participantContextId: string, id: string): Promise<boolean> {
    const result = await this.credentials.delete({ participantContextId, id });
    return (result.affected ?? 0) > 0;
  }
}
