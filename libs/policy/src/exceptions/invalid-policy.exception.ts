import { DomainException } from '@dsaas/model';

/** A policy document that is not ODRL this library understands (bad shape, unknown operator). */
export class InvalidPolicyException extends DomainException {
  readonly code = 'invalid_policy';
  readonly status = 400;
  constructor(message: string, readonly path: string) {
    super(`invalid policy at ${path}: ${message}`);
    this.extensions.path = path;
  }
}
