import { DomainException } from '@dsaas/model';

export class MethodNotAllowedException extends DomainException {
  readonly code = 'method_not_allowed';
  readonly status = 405;
}
