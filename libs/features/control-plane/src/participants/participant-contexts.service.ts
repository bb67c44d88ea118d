import { Inject, Injectable, Logger } from '@nestjs/common';
import { participantContextNotFound } from '@dsaas/auth';
import { SECRET_STORE, SecretStore } from '@dsaas/secrets';
import { ParticipantContext } from './participant-context';
import { ParticipantContextConflictException } from './participant-context-conflict.exception';
import { ParticipantContextRepository } from './participant-context.repository';
import { ParticipantContextInput } from './parse-participant-context';

/** Lifecycle of the control plane's participant contexts; secret configuration goes to the SecretStore. */
@Injectable()
export class ParticipantContextsService {
  private readonly logger = new Logger('ParticipantContexts');

  constructor(
    private readonly contexts: ParticipantContextRepository,
    @Inject(SECRET_STORE) private readonly secrets: SecretStore,
  ) {}

  async create(input: ParticipantContextInput & { participantContextId: string }): Promise<ParticipantContext> {
    const id = input.participantContextId;
    if (await this.contexts.find(id)) throw new ParticipantContextConflictException(`Participant context '${id}' already exists`);
    if (await this.contexts.findByIdentity(input.identity)) {
      throw new ParticipantContextConflictException(`The identity '${input.identity}' is already used by another participant context`);
    }
    const now = new Date();
    const context: ParticipantContext = { participantContextId: id, identity: input.identity, properties: input.properties, state: 'ACTIVATED', createdAt: now, updatedAt: now };
    if (!(await this.contexts.insert(context))) throw new ParticipantContextConflictException(`Participant context '${id}' or its identity already exists`);
    try {
      await this.storeSecrets(id, input.secrets);
    } catch (error) {
      // A context without the secrets it was created with would fail later and obscurely: undo it now.
      await this.contexts.delete(id);
      await this.secrets.deleteNamespace(id).catch(() => undefined);
      throw error;
    }
    this.logger.log({ participantContextId: id, identity: input.identity, secretKeys: Object.keys(input.secrets) }, 'participant context created');
    return context;
  }

  /** The context, or the one "not found" error a foreign context also gets. */
  async get(participantContextId: string): Promise<ParticipantContext> {
    const context = await this.contexts.find(participantContextId);
    if (!context) throw participantContextNotFound(participantContextId);
    return context;
  }

  /** Every context-scoped route starts here: a missing context answers like a foreign one. */
  async requireExists(participantContextId: string): Promise<void> {
    if (!(await this.contexts.exists(participantContextId))) throw participantContextNotFound(participantContextId);
  }

  list(offset: number, limit: number): Promise<ParticipantContext[]> {
    return this.contexts.list(offset, limit);
  }

  async update(participantContextId: string, input: ParticipantContextInput): Promise<ParticipantContext> {
    const current = await this.get(participantContextId);
    if (input.identity !== current.identity) {
      const other = await this.contexts.findByIdentity(input.identity);
      if (other) throw new ParticipantContextConflictException(`The identity '${input.identity}' is already used by another participant context`);
    }
    await this.contexts.update(participantContextId, { identity: input.identity, properties: input.properties });
    await this.storeSecrets(participantContextId, input.secrets);
    this.logger.log({ participantContextId, secretKeys: Object.keys(input.secrets) }, 'participant context updated');
    return this.get(participantContextId);
  }

  async delete(participantContextId: string): Promise<void> {
    await this.get(participantContextId);
    await this.contexts.delete(participantContextId);
    await this.secrets.deleteNamespace(participantContextId);
    this.logger.log({ participantContextId }, 'participant context deleted');
  }

  private async storeSecrets(participantContextId: string, secrets: Record<string, string>): Promise<void> {
    for (const [key, value] of Object.entries(secrets)) await this.secrets.put(participantContextId, key, value);
  }
}
