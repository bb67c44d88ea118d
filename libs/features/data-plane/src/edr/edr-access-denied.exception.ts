import { DomainException } from '@dsaas/model';

/** A valid EDR token that does not open this flow (another flow's, revoked, or the flow is not running): 403. */
export class EdrAccessDeniedException extends DomainException {
  readonly code = 'access_denied';
  readonly status = 403;
}
