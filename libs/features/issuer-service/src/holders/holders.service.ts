import { Injectable } from '@nestjs/common';
import { ConflictException, NotFoundException } from '@dsaas/model';
import { IssuerContextsService } from '../contexts/issuer-contexts.service';
import { Holder } from './holder';
import { HolderRepository } from './holder.repository';

export interface HolderInput {
  did: string;
  name?: string;
  properties?: Record<string, unknown>;
}

/** The issuer's member table: who may be issued credentials and with which facts. */
@Injectable()
export class HoldersService {
  constructor(private readonly holders: HolderRepository, private readonly contexts: IssuerContextsService) {}

  async create(issuerContextId: string, holderId: string, input: HolderInput): Promise<Holder> {
    await this.contexts.get(issuerContextId);
    const now = new Date();
    const holder: Holder = { issuerContextId, holderId, did: input.did, name: input.name, properties: input.properties ?? {}, createdAt: now, updatedAt: now };
    if (!(await this.holders.insert(holder))) {
      throw new ConflictException(`A holder with id '${holderId}' or DID '${input.did}' already exists`);
    }
    return holder;
  }

  async list(issuerContextId: string): Promise<Holder[]> {
    await this.contexts.get(issuerContextId);
    return this.holders.list(issuerContextId);
  }

  async get(issuerContextId: string, holderId: string): Promise<Holder> {
    await this.contexts.get(issuerContextId);
    const holder = await this.holders.find(issuerContextId, holderId);
    if (!holder) throw new NotFoundException('Holder', holderId);
    return holder;
  }

  async update(issuerContextId: string, holderId: string, input: HolderInput): Promise<Holder> {
    const existing = await this.get(issuerContextId, holderId);
    const holder: Holder = { ...existing, did: input.did, name: input.name, properties: input.properties ?? {}, updatedAt: new Date() };
    if (!(await this.holders.update(holder))) throw new ConflictException(`Another holder already has the DID '${input.did}'`);
    return holder;
  }

  async delete(issuerContextId: string, holderId: string): Promise<void> {
    await this.contexts.get(issuerContextId);
    if (!(await this.holders.delete(issuerContextId, holderId))) throw new NotFoundException('Holder', holderId);
  }

  /** The member with this DID, if any: the database attestation. */
  findByDid(issuerContextId: string, did: string): Promise<Holder | undefined> {
    return this.holders.findByDid(issuerContextId, did);
  }
}
