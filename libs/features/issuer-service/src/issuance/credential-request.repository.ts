import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { CredentialRequestEntity } from '../database/credential-request.entity';
import { CredentialRequest, CredentialRequestState, IssuanceDecision } from './credential-request';

function toRequest(row: CredentialRequestEntity): CredentialRequest {
  return {
    id: row.id,
    issuerContextId: row.issuerContextId,
    holderDid: row.holderDid,
    holderPid: row.holderPid,
    credentialDefinitionIds: row.credentialDefinitionIds,
    state: row.state as CredentialRequestState,
    decision: (row.decision as IssuanceDecision | null) ?? undefined,
    reason: row.reason ?? undefined,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Queries of the credential requests. */
@Injectable()
export class CredentialRequestRepository {
  constructor(@InjectRepository(CredentialRequestEntity) private readonly requests: Repository<CredentialRequestEntity>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.requests.manager.transaction(work);
  }

  /** Inserts unless the holder already sent this holderPid; answers whether it was inserted. */
  async insertIfNew(request: CredentialRequest, manager: EntityManager): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(CredentialRequestEntity)
      .values({ ...request, decision: request.decision ?? null, reason: request.reason ?? null })
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw?.length ?? 0) > 0;
  }

  async findByHolderPid(issuerContextId: string, holderDid: string, holderPid: string, manager?: EntityManager): Promise<CredentialRequest | undefined> {
    const row = await (manager ?? this.requests.manager).findOneBy(CredentialRequestEntity, { issuerContextId, holderDid, holderPid });
    return row ? toRequest(row) : undefined;
  }

  async find(id: string): Promise<CredentialRequest | undefined> {
    const row = await this.requests.findOneBy({ id });
    return row ? toRequest(row) : undefined;
  }

  /** Row-locks the request for the issuance decision. */
  async lock(id: string, manager: EntityManager): Promise<CredentialRequest | undefined> {
    const row = await manager.getRepository(CredentialRequestEntity).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
    return row ? toRequest(row) : undefined;
  }

  async recordDecision(id: string, decision: IssuanceDecision, reason: string | undefined, manager: EntityManager): Promise<void> {
    await manager.update(CredentialRequestEntity, { id }, { decision, reason: reason ?? null, updatedAt: new Date() });
  }

  /** Final state; only from RECEIVED, so a late redelivery cannot overwrite it. */
  async settle(id: string, state: CredentialRequestState, reason: string | undefined, manager?: EntityManager): Promise<void> {
    const values: Partial<CredentialRequestEntity> = { state, updatedAt: new Date() };
    if (reason !== undefined) values.reason = reason;
    await (manager ?? this.requests.manager).update(CredentialRequestEntity, { id, state: 'RECEIVED' }, values);
  }
}
