import { DomainException } from '@dsaas/model';

/** The signal does not apply to the flow's state (e.g. resume of a terminated flow). */
export class InvalidFlowStateException extends DomainException {
  readonly code = 'invalid_flow_state';
  readonly status = 409;
}
