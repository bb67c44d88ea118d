import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ParticipantContextsService } from '../participants/participant-contexts.service';
import { DataPlane } from './data-plane';
import { DataPlaneNotFoundException } from './data-plane-not-found.exception';
import { DataPlaneRepository } from './data-plane.repository';
import { DataPlaneInput } from './parse-data-plane';

/** Registration of the data planes a participant context may use (a customer-run edge data plane registers here too). */
@Injectable()
export class DataPlanesService {
  private readonly logger = new Logger('DataPlanes');

  constructor(
    private readonly contexts: ParticipantContextsService,
    private readonly dataPlanes: DataPlaneRepository,
  ) {}

  async register(participantContextId: string, input: DataPlaneInput): Promise<DataPlane> {
    await this.contexts.requireExists(participantContextId);
    const dataPlane = await this.dataPlanes.upsert({ participantContextId, ...input, id: input.id ?? randomUUID(), state: 'REGISTERED' });
    this.logger.log({ participantContextId, dataPlaneId: dataPlane.id, url: dataPlane.url }, 'data plane registered');
    return dataPlane;
  }

  async list(participantContextId: string): Promise<DataPlane[]> {
    await this.contexts.requireExists(participantContextId);
    return this.dataPlanes.findForContext(participantContextId);
  }

  async get(participantContextId: string, id: string): Promise<DataPlane> {
    await this.contexts.requireExists(participantContextId);
    const dataPlane = await this.dataPlanes.find(participantContextId, id);
    if (!dataPlane) throw new DataPlaneNotFoundException(id);
    return dataPlane;
  }

  async delete(participantContextId: string, id: string): Promise<void> {
    await this.contexts.requireExists(participantContextId);
    if (!(await this.dataPlanes.delete(participantContextId, id))) throw new DataPlaneNotFoundException(id);
    this.logger.log({ participantContextId, dataPlaneId: id }, 'data plane removed');
  }
}
