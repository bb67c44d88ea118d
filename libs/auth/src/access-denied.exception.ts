import { DomainException } from '@dsaas/model';

/** A valid token that lacks a role or scope the route needs: 403. */
export class AccessDeniedException extends DomainException {
  readonly code = 'forbidden';
  readonly status = 403;
}
