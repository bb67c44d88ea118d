import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { EntityManager } from 'typeorm';
import { Role } from '@dsaas/auth';
import { ValidationException } from '@dsaas/model';
import { Client, ClientCredentials } from './client';
import { ClientConflictException } from './client-conflict.exception';
import { ClientNotFoundException } from './client-not-found.exception';
import { ClientRepository } from './client.repository';
import { decoyHash, generateClientSecret, hashClientSecret, verifyClientSecret } from './client-secret-hasher';

export interface NewClient {
  clientId?: string;
  role: Role;
  participantContextId?: string;
  scopes: string[];
}

/** The client registry: who may ask for tokens, with which role, context and scopes. */
@Injectable()
export class ClientsService {
  constructor(private readonly clients: ClientRepository) {}

  async create(input: NewClient, clientSecret = generateClientSecret(), manager?: EntityManager): Promise<ClientCredentials> {
    if (input.role === 'participant' && !input.participantContextId) {
      throw new ValidationException('A participant client needs a participantContextId', ['participantContextId is required for role participant']);
    }
    const now = new Date();
    const client: Client = {
      clientId: input.clientId ?? randomUUID(),
      role: input.role,
      participantContextId: input.participantContextId,
      scopes: [...new Set(input.scopes)],
      createdAt: now,
      secretRotatedAt: now,
    };
    await this.clients.insert(client, await hashClientSecret(clientSecret), manager);
    return { client, clientSecret };
  }

  list(): Promise<Client[]> {
    return this.clients.list();
  }

  async get(clientId: string): Promise<Client> {
    const stored = await this.clients.find(clientId);
    if (!stored) throw new ClientNotFoundException(clientId);
    return stored.client;
  }

  async rotateSecret(clientId: string): Promise<ClientCredentials> {
    const client = await this.get(clientId);
    if (client.revokedAt) throw new ClientConflictException(`OAuth2 client '${clientId}' is revoked`);
    const clientSecret = generateClientSecret();
    const now = new Date();
    await this.clients.updateSecret(clientId, await hashClientSecret(clientSecret), now);
    return { client: { ...client, secretRotatedAt: now }, clientSecret };
  }

  /** Revoking twice is fine; revoking the last admin is not (nobody could manage clients any more). */
  async revoke(clientId: string): Promise<void> {
    await this.get(clientId);
    if (!(await this.clients.revoke(clientId, new Date()))) {
      throw new ClientConflictException('The last active admin client cannot be revoked; create another admin client first');
    }
  }

  /** The client when the id and secret match a client that is not revoked; undefined otherwise. */
  async authenticate(clientId: string, clientSecret: string): Promise<Client | undefined> {
    const stored = await this.clients.find(clientId);
    const matches = await verifyClientSecret(clientSecret, stored?.secretHash ?? (await decoyHash()));
    if (!stored || !matches || stored.client.revokedAt) return undefined;
    return stored.client;
  }

  /** Creates the first admin client unless a usable one exists; answers the credentials when it did. */
  async createFirstAdmin(input: Omit<NewClient, 'role'>, clientSecret?: string): Promise<ClientCredentials | undefined> {
    let created: ClientCredentials | undefined;
    await this.clients.whenNoAdmin(async (manager) => {
      created = await this.create({ ...input, role: 'admin' }, clientSecret, manager);
    });
    return created;
  }
}
