import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { participantContextNotFound } from '@dsaas/auth';
import { ParticipantContextEntity } from '../database/participant-context.entity';
import { DspParticipantContext } from './dsp-participant-context';

function toContext(row: ParticipantContextEntity): DspParticipantContext {
  return { participantContextId: row.participantContextId, did: row.identity, properties: row.properties };
}

/** Read-only view of the management API's participant contexts, as the DSP endpoints need them. */
@Injectable()
export class DspParticipantContextRepository {
  constructor(@InjectRepository(ParticipantContextEntity) private readonly contexts: Repository<ParticipantContextEntity>) {}

  /** The context, or the one "not found" every unknown (or foreign) context gets. */
  async get(participantContextId: string): Promise<DspParticipantContext> {
    const row = await this.contexts.findOneBy({ participantContextId });
    if (!row) throw participantContextNotFound(participantContextId);
    return toContext(row);
  }

  async list(): Promise<DspParticipantContext[]> {
    return (await this.contexts.find({ order: { participantContextId: 'ASC' } })).map(toContext);
  }
}
