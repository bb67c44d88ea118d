import { DomainException } from '@dsaas/model';

export class DidServiceConflictException extends DomainException {
  readonly code = 'did_service_conflict';
  readonly status = 409;
}
