import { DomainException } from '@dsaas/model';

export type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client' | 'unsupported_grant_type' | 'invalid_scope';

/**
 * An RFC 6749 §5.2 error. The token controller's filter renders it as the RFC's JSON body; should one escape
 * elsewhere, it is still a DomainException the problem-details filter understands.
 */
export class OAuthError extends DomainException {
  readonly status: number;

  constructor(readonly code: OAuthErrorCode, description: string, readonly basicChallenge = false) {
    super(description);
    this.status = code === 'invalid_client' ? 401 : 400;
  }
}
