import { DomainException } from '@dsaas/model';

/** The credential cannot be held by this context: not a JWT VC, or about someone else. */
export class InvalidCredentialException extends DomainException {
  readonly code = 'invalid_credential';
  readonly status = 400;
}
