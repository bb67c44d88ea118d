import { DomainException } from '@dsaas/model';

export type CredentialVerificationReason =
  | 'bad_signature'
  | 'untrusted_issuer'
  | 'expired'
  | 'not_yet_valid'
  | 'holder_mismatch'
  | 'revoked'
  | 'wrong_audience'
  | 'status_unavailable'
  | 'malformed';

/** Valid proof, but the credential does not grant anything: the caller is known, the answer is "no" (403). */
const FORBIDDEN_REASONS: CredentialVerificationReason[] = ['untrusted_issuer', 'revoked', 'holder_mismatch'];

/**
 * A VC or VP was refused. 401 when the proof itself is unusable (signature, dates, audience, format, status list
 * unreachable), 403 when it is genuine but not acceptable (untrusted issuer, revoked, someone else's credential).
 */
export class CredentialVerificationException extends DomainException {
  readonly code = 'credential_verification_failed';
  readonly status: number;
  constructor(readonly reason: CredentialVerificationReason, message: string) {
    super(message);
    this.status = FORBIDDEN_REASONS.includes(reason) ? 403 : 401;
    this.extensions.reason = reason;
  }
}
