import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CredentialRequestEntity } from '../database/credential-request.entity';
import { CredentialRequest, CredentialRequestState, RequestedCredential } from './credential-request';

function toRequest(row: CredentialRequestEntity): CredentialRequest {
  return {
    holderPid: row.holderPid,
    participantContextId: row.participantContextId,
    issuerDid: row.issuerDid,
    issuerPid: row.issuerPid ?? undefined,
    state: row.state as CredentialRequestState,
    credentials: row.credentials as RequestedCredential[],
    errorDetail: row.errorDetail ?? undefined,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Queries of the credential_request table; reads are always scoped to one context. */
@Injectable()
export class CredentialRequestRepository {
  constructor(@InjectRepository(CredentialRequestEntity) private readonly requests: Repository<CredentialRequestEntity>) {}

  async insert(request: CredentialRequest): Promise<void> {
    await this.requests.insert({
      holderPid: request.holderPid,
      participantContextId: request.participantContextId,
      issuerDid: request.issuerDid,
      issuerPid: request.issuerPid ?? null,
      state: request.state,
      credentials: request.credentials as unknown as Record<string, any>[],
      errorDetail: request.errorDetail ?? null,
      createdAt: request.createdAt,
      updatedAt: request.updatedAt,
    });
  }

  async find(participantContextId: string, holderPid: string): Promise<CredentialRequest | undefined> {
    const row = await this.requests.findOneBy({ participantContextId, holderPid });
    return row ? toRequest(row) : undefined;
  }

  async list(participantContextId: string): Promise<CredentialRequest[]> {
    const rows = await this.requests.find({ where: { participantContextId }, order: { createdAt: 'ASC' } });
    return rows.map(toRequest);
  }

  async update(holderPid: string, changes: { state?: CredentialRequestState; issuerPid?: string; errorDetail?: string | null }): Promise<void> {
    await this.requests.update({ holderPid }, { ...changes, updatedAt: new Date() });
  }

  /** Records the issuer's id unless a delivery already did (the issuer may answer before its 201 arrives). */
  async setIssuerPidIfAbsent(holderPid: string, issuerPid: string): Promise<void> {
    await this.requests
      .createQueryBuilder()
      .update()
      .set({ issuerPid, updatedAt: new Date() })
      .where('holder_pid = :holderPid AND issuer_pid IS NULL', { holderPid })
      .execute();
  }
}
