import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { QuerySpec } from '../common/query-spec';
import { ParticipantContextsService } from '../participants/participant-contexts.service';
import { PolicyDefinitionInput } from './parse-policy-definition';
import { PolicyDefinition } from './policy-definition';
import { PolicyDefinitionConflictException } from './policy-definition-conflict.exception';
import { PolicyDefinitionInUseException } from './policy-definition-in-use.exception';
import { PolicyDefinitionNotFoundException } from './policy-definition-not-found.exception';
import { PolicyDefinitionRepository } from './policy-definition.repository';

/** Policy definition use cases of the management API; every call is scoped to an existing participant context. */
@Injectable()
export class PolicyDefinitionsService {
  private readonly logger = new Logger('PolicyDefinitions');

  constructor(
    private readonly contexts: ParticipantContextsService,
    private readonly policies: PolicyDefinitionRepository,
  ) {}

  async create(participantContextId: string, input: PolicyDefinitionInput): Promise<PolicyDefinition> {
    await this.contexts.requireExists(participantContextId);
    const now = new Date();
    const definition: PolicyDefinition = { participantContextId, ...input, id: input.id ?? randomUUID(), createdAt: now, updatedAt: now };
    if (!(await this.policies.insert(definition))) throw new PolicyDefinitionConflictException(definition.id);
    this.logger.log({ participantContextId, policyId: definition.id }, 'policy definition created');
    return definition;
  }

  async get(participantContextId: string, id: string): Promise<PolicyDefinition> {
    await this.contexts.requireExists(participantContextId);
    const definition = await this.policies.find(participantContextId, id);
    if (!definition) throw new PolicyDefinitionNotFoundException(id);
    return definition;
  }

  async update(participantContextId: string, id: string, input: PolicyDefinitionInput): Promise<void> {
    await this.contexts.requireExists(participantContextId);
    if (!(await this.policies.update({ participantContextId, ...input, id }))) throw new PolicyDefinitionNotFoundException(id);
    this.logger.log({ participantContextId, policyId: id }, 'policy definition updated');
  }

  async delete(participantContextId: string, id: string): Promise<void> {
    await this.contexts.requireExists(participantContextId);
    const outcome = await this.policies.deleteUnlessReferenced(participantContextId, id);
    if (outcome === 'not-found') throw new PolicyDefinitionNotFoundException(id);
    if (outcome === 'in-use') throw new PolicyDefinitionInUseException(id);
    this.logger.log({ participantContextId, policyId: id }, 'policy definition deleted');
  }

  async query(participantContextId: string, spec: QuerySpec): Promise<PolicyDefinition[]> {
    await this.contexts.requireExists(participantContextId);
    return this.policies.query(participantContextId, spec);
  }
}
