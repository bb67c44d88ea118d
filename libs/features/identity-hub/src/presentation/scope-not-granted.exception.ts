import { DomainException } from '@dsaas/model';

/** The verifier asked for credentials beyond what the holder's access token grants it. */
export class ScopeNotGrantedException extends DomainException {
  readonly code = 'scope_not_granted';
  readonly status = 403;
}
