import { DomainException } from '@dsaas/model';

/** The control plane (or its token endpoint) did not take a call; retried by the caller. */
export class ControlPlaneUnreachableException extends DomainException {
  readonly code = 'control_plane_unreachable';
  readonly status = 503;
}
