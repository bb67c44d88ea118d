import { DomainException } from '@dsaas/model';

/** No, a forged, malformed or expired EDR token: 401 before any byte of data. */
export class InvalidEdrTokenException extends DomainException {
  readonly code = 'invalid_token';
  readonly status = 401;
}
