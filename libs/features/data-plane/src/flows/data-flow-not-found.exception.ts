import { NotFoundException } from '@dsaas/model';

/** Also what a caller gets for a flow of another participant context (no existence leak). */
export class DataFlowNotFoundException extends NotFoundException {
  constructor(id: string) {
    super('Data flow', id);
  }
}
