import { DomainException } from '@dsaas/model';

/** The data plane refused a signaling message (4xx): sending it again will not help (a 4xx status: not retried). */
export class DataPlaneRejectedException extends DomainException {
  readonly code = 'data_plane_rejected';
  readonly status = 409;
  constructor(message: string, readonly dataPlaneStatus: number) {
    super(message);
    this.extensions.dataPlaneStatus = dataPlaneStatus;
  }
}
