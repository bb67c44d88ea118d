import { DomainException } from '@dsaas/model';

/** The client id is taken, the client is revoked, or the change would lock every admin out. */
export class ClientConflictException extends DomainException {
  readonly code = 'client_conflict';
  readonly status = 409;
}
