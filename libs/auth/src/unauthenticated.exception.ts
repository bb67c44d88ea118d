import { DomainException } from '@dsaas/model';

/** No token, or one that does not verify: 401. The message never says which check failed in detail. */
export class UnauthenticatedException extends DomainException {
  readonly code = 'unauthenticated';
  readonly status = 401;
}
