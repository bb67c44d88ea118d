import { Injectable } from '@nestjs/common';
import type { CredentialFormat } from '@dsaas/identity';
import { ConflictException, NotFoundException, ValidationException } from '@dsaas/model';
import { AttestationDefinitionRepository } from '../attestations/attestation-definition.repository';
import { IssuerContextsService } from '../contexts/issuer-contexts.service';
import { ClaimMapping, CredentialDefinition, CredentialRule } from './credential-definition';
import { CredentialDefinitionRepository } from './credential-definition.repository';

export interface CredentialDefinitionInput {
  credentialType: string;
  format: CredentialFormat;
  validitySeconds: number;
  attestations: string[];
  rules?: CredentialRule[];
  mappings?: ClaimMapping[];
}

/** Credential definitions of an issuer: what it issues, on which evidence, with which claims. */
@Injectable()
export class CredentialDefinitionsService {
  constructor(
    private readonly definitions: CredentialDefinitionRepository,
    private readonly attestations: AttestationDefinitionRepository,
    private readonly contexts: IssuerContextsService,
  ) {}

  async create(issuerContextId: string, id: string, input: CredentialDefinitionInput): Promise<CredentialDefinition> {
    await this.contexts.get(issuerContextId);
    await this.assertAttestationsExist(issuerContextId, input.attestations);
    const now = new Date();
    const definition: CredentialDefinition = { issuerContextId, id, ...input, rules: input.rules ?? [], mappings: input.mappings ?? [], createdAt: now, updatedAt: now };
    if (!(await this.definitions.insert(definition))) throw new ConflictException(`Credential definition '${id}' already exists`);
    return definition;
  }

  async list(issuerContextId: string): Promise<CredentialDefinition[]> {
    await this.contexts.get(issuerContextId);
    return this.definitions.list(issuerContextId);
  }

  async get(issuerContextId: string, id: string): Promise<CredentialDefinition> {
    await this.contexts.get(issuerContextId);
    const definition = await this.definitions.find(issuerContextId, id);
    if (!definition) throw new NotFoundException('Credential definition', id);
    return definition;
  }

  async update(issuerContextId: string, id: string, input: CredentialDefinitionInput): Promise<CredentialDefinition> {
    const existing = await this.get(issuerContextId, id);
    await this.assertAttestationsExist(issuerContextId, input.attestations);
    const definition: CredentialDefinition = { ...existing, ...input, rules: input.rules ?? [], mappings: input.mappings ?? [], updatedAt: new Date() };
    await this.definitions.update(definition);
    return definition;
  }

  async delete(issuerContextId: string, id: string): Promise<void> {
    await this.contexts.get(issuerContextId);
    if (!(await this.definitions.delete(issuerContextId, id))) throw new NotFoundException('Credential definition', id);
  }

  private async assertAttestationsExist(issuerContextId: string, ids: string[]): Promise<void> {
    const found = new Set((await this.attestations.findMany(issuerContextId, ids)).map((a) => a.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) {
      throw new ValidationException('The credential definition names unknown attestations', missing.map((id) => `attestation '${id}' does not exist`));
    }
  }
}
