import { DomainException } from '@dsaas/model';

/** No data plane could be reached, or it failed (network, timeout, 5xx): worth another attempt. */
export class DataPlaneUnavailableException extends DomainException {
  readonly code = 'data_plane_unavailable';
  readonly status = 502;
}
