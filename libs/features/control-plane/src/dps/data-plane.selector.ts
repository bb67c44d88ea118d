import { Injectable, Logger } from '@nestjs/common';
import { DataPlane } from '../dataplanes/data-plane';
import { DataPlaneRepository } from '../dataplanes/data-plane.repository';
import { DataPlaneUnavailableException } from './data-plane-unavailable.exception';
import { NoCapableDataPlaneException } from './no-capable-data-plane.exception';

/**
 * Picks the data plane of a transfer: the context's registered data planes that can move the asset's source type
 * with the transfer type, in registration-id order; one that cannot be reached is skipped for the next.
 */
@Injectable()
export class DataPlaneSelector {
  private readonly logger = new Logger('DataPlaneSelector');

  constructor(private readonly dataPlanes: DataPlaneRepository) {}

  /** Runs `attempt` on the first capable data plane that answers; NoCapableDataPlaneException when there is none. */
  async onFirstAvailable<T>(participantContextId: string, sourceType: string | undefined, transferType: string, attempt: (dataPlane: DataPlane) => Promise<T>): Promise<{ dataPlane: DataPlane; result: T }> {
    const candidates = sourceType ? await this.dataPlanes.findCapable(participantContextId, sourceType, transferType) : [];
    if (candidates.length === 0) throw new NoCapableDataPlaneException(sourceType, transferType);
    let lastError: unknown;
    for (const dataPlane of candidates) {
      try {
        return { dataPlane, result: await attempt(dataPlane) };
      } catch (error) {
        if (!(error instanceof DataPlaneUnavailableException)) throw error;
        this.logger.warn({ participantContextId, dataPlaneId: dataPlane.id, detail: error.message }, 'data plane unavailable, trying the next one');
        lastError = error;
      }
    }
    throw lastError;
  }

  async find(participantContextId: string, dataPlaneId: string): Promise<DataPlane | undefined> {
    return this.dataPlanes.find(participantContextId, dataPlaneId);
  }
}
