import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { Role } from '@dsaas/auth';
import { ClientEntity } from '../persistence/client.entity';
import { Client } from './client';
import { ClientConflictException } from './client-conflict.exception';

export interface StoredClient {
  client: Client;
  secretHash: string;
}

function toClient(row: ClientEntity): Client {
  return {
    clientId: row.clientId,
    role: row.role as Role,
    participantContextId: row.participantContextId ?? undefined,
    scopes: row.scopes,
    createdAt: row.createdAt,
    secretRotatedAt: row.secretRotatedAt,
    revokedAt: row.revokedAt ?? undefined,
  };
}

/** The client registry's queries; the only code that touches the client table. */
@Injectable()
export class ClientRepository {
  constructor(@InjectRepository(ClientEntity) private readonly clients: Repository<ClientEntity>) {}

  async find(clientId: string): Promise<StoredClient | undefined> {
    const row = await this.clients.findOneBy({ clientId });
    return row ? { client: toClient(row), secretHash: row.secretHash } : undefined;
  }

  async list(): Promise<Client[]> {
    const rows = await this.clients.find({ order: { createdAt: 'ASC', clientId: 'ASC' } });
    return rows.map(toClient);
  }

  async insert(client: Client, secretHash: string, manager?: EntityManager): Promise<void> {
    const repository = manager?.getRepository(ClientEntity) ?? this.clients;
    // ON CONFLICT DO NOTHING rather than catching the unique violation: a failed query is logged with its
    // parameters, and those include the secret hash.
    const result = await repository
      .createQueryBuilder()
      .insert()
      .values({
        clientId: client.clientId,
        secretHash,
        role: client.role,
        participantContextId: client.participantContextId ?? null,
        scopes: client.scopes,
        createdAt: client.createdAt,
        secretRotatedAt: client.secretRotatedAt,
        revokedAt: null,
      })
      .orIgnore()
      .returning(['clientId'])
      .execute();
    if (!result.raw?.length) throw new ClientConflictException(`OAuth2 client '${client.clientId}' already exists`);
  }

  async updateSecret(clientId: string, secretHash: string, at: Date): Promise<void> {
    await this.clients.update({ clientId }, { secretHash, secretRotatedAt: at });
  }

  /** Revokes unless that would leave no usable admin client; answers false when it would. */
  async revoke(clientId: string, at: Date): Promise<boolean> {
    return this.clients.manager.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('dsaas.auth_server.admins'))`);
      const repository = manager.getRepository(ClientEntity);
      const row = await repository.findOneBy({ clientId });
      if (row?.role === 'admin' && !row.revokedAt) {
        const admins = await repository.countBy({ role: 'admin', revokedAt: IsNull() });
        if (admins <= 1) return false;
      }
      await repository.update({ clientId, revokedAt: IsNull() }, { revokedAt: at });
      return true;
    });
  }

  /**
   * Runs `create` only when no usable admin client exists, serialised across replicas that start together.
   */
  async whenNoAdmin(create: (manager: EntityManager) => Promise<void>): Promise<void> {
    await this.clients.manager.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('dsaas.auth_server.admins'))`);
      const admins = await manager.getRepository(ClientEntity).countBy({ role: 'admin', revokedAt: IsNull() });
      if (admins === 0) await create(manager);
    });
  }
}
