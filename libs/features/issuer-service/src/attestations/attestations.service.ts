import { Injectable } from '@nestjs/common';
import { ConflictException, NotFoundException } from '@dsaas/model';
import { IssuerContextsService } from '../contexts/issuer-contexts.service';
import { AttestationDefinition, AttestationType, DatabaseAttestationConfig } from './attestation-definition';
import { AttestationDefinitionRepository } from './attestation-definition.repository';

export interface AttestationInput {
  type: AttestationType;
  config: DatabaseAttestationConfig;
}

/** Attestation definitions of an issuer. */
@Injectable()
export class AttestationsService {
  constructor(private readonly definitions: AttestationDefinitionRepository, private readonly contexts: IssuerContextsService) {}

  async create(issuerContextId: string, id: string, input: AttestationInput): Promise<AttestationDefinition> {
    await this.contexts.get(issuerContextId);
    const definition: AttestationDefinition = { issuerContextId, id, type: input.type, config: input.config, createdAt: new Date() };
    if (!(await this.definitions.insert(definition))) throw new ConflictException(`Attestation definition '${id}' already exists`);
    return definition;
  }

  async list(issuerContextId: string): Promise<AttestationDefinition[]> {
    await this.contexts.get(issuerContextId);
    return this.definitions.list(issuerContextId);
  }

  async get(issuerContextId: string, id: string): Promise<AttestationDefinition> {
    await this.contexts.get(issuerContextId);
    const definition = await this.definitions.find(issuerContextId, id);
    if (!definition) throw new NotFoundException('Attestation definition', id);
    return definition;
  }

  async update(issuerContextId: string, id: string, input: AttestationInput): Promise<AttestationDefinition> {
    const existing = await this.get(issuerContextId, id);
    const definition = { ...existing, type: input.type, config: input.config };
    await this.definitions.update(definition);
    return definition;
  }

  async delete(issuerContextId: string, id: string): Promise<void> {
    await this.contexts.get(issuerContextId);
    if (!(await this.definitions.delete(issuerContextId, id))) throw new NotFoundException('Attestation definition', id);
  }
}
