import { DomainException } from '@dsaas/model';

/** A refresh token that is unknown, used before, or of a flow that is no longer running (OAuth2 `invalid_grant`). */
export class InvalidGrantException extends DomainException {
  readonly code = 'invalid_grant';
  readonly status = 400;
}
