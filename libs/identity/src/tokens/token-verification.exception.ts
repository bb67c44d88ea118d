import { DomainException } from '@dsaas/model';

export type TokenVerificationReason =
  | 'expired'
  | 'not_yet_valid'
  | 'wrong_audience'
  | 'replayed'
  | 'unknown_key'
  | 'bad_signature'
  | 'malformed';

/** A self-issued token was refused. Always 401; `reason` says why (also in the problem body). */
export class TokenVerificationException extends DomainException {
  readonly code = 'invalid_token';
  readonly status = 401;
  constructor(readonly reason: TokenVerificationReason, message: string) {
    super(message);
    this.extensions.reason = reason;
  }
}
