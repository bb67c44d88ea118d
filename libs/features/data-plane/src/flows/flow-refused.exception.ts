import { DomainException } from '@dsaas/model';

/** A start this data plane will not run: another context than the one an edge data plane serves, or not the caller's. */
export class FlowRefusedException extends DomainException {
  readonly code = 'flow_refused';
  readonly status = 403;
}
