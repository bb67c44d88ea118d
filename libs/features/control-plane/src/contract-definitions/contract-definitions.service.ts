import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { QuerySpec } from '../common/query-spec';
import { ParticipantContextsService } from '../participants/participant-contexts.service';
import { ContractDefinition } from './contract-definition';
import { ContractDefinitionConflictException } from './contract-definition-conflict.exception';
import { ContractDefinitionNotFoundException } from './contract-definition-not-found.exception';
import { ContractDefinitionRepository, ContractDefinitionWriteOutcome } from './contract-definition.repository';
import { ContractDefinitionInput } from './parse-contract-definition';
import { UnknownPolicyReferenceException } from './unknown-policy-reference.exception';

function assertWritten(outcome: ContractDefinitionWriteOutcome, id: string): void {
  if (outcome.ok) return;
  if (outcome.reason === 'missing-policies') throw new UnknownPolicyReferenceException(outcome.missing);
  if (outcome.reason === 'conflict') throw new ContractDefinitionConflictException(id);
  throw new ContractDefinitionNotFoundException(id);
}

/** Contract definition use cases of the management API; every call is scoped to an existing participant context. */
@Injectable()
export class ContractDefinitionsService {
  private readonly logger = new Logger('ContractDefinitions');

  constructor(
    private readonly contexts: ParticipantContextsService,
    private readonly definitions: ContractDefinitionRepository,
  ) {}

  async create(participantContextId: string, input: ContractDefinitionInput): Promise<ContractDefinition> {
    await this.contexts.requireExists(participantContextId);
    const now = new Date();
    const definition: ContractDefinition = { participantContextId, ...input, id: input.id ?? randomUUID(), createdAt: now, updatedAt: now };
    assertWritten(await this.definitions.insert(definition), definition.id);
    this.logger.log({ participantContextId, contractDefinitionId: definition.id }, 'contract definition created');
    return definition;
  }

  async get(participantContextId: string, id: string): Promise<ContractDefinition> {
    await this.contexts.requireExists(participantContextId);
    const definition = await this.definitions.find(participantContextId, id);
    if (!definition) throw new ContractDefinitionNotFoundException(id);
    return definition;
  }

  async update(participantContextId: string, id: string, input: ContractDefinitionInput): Promise<void> {
    await this.contexts.requireExists(participantContextId);
    assertWritten(await this.definitions.update({ participantContextId, ...input, id }), id);
    this.logger.log({ participantContextId, contractDefinitionId: id }, 'contract definition updated');
  }

  async delete(participantContextId: string, id: string): Promise<void> {
    await this.contexts.requireExists(participantContextId);
    if (!(await this.definitions.delete(participantContextId, id))) throw new ContractDefinitionNotFoundException(id);
    this.logger.log({ participantContextId, contractDefinitionId: id }, 'contract definition deleted');
  }

  async query(participantContextId: string, spec: QuerySpec): Promise<ContractDefinition[]> {
    await this.contexts.requireExists(participantContextId);
    return this.definitions.query(participantContextId, spec);
  }
}
