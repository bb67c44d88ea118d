import { DomainException } from '@dsaas/model';

/** One push attempt failed (source, destination or a short body); retried until the attempts run out. */
export class PushFailedException extends DomainException {
  readonly code = 'push_failed';
  readonly status = 502;
}
