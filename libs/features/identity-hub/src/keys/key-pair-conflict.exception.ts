import { DomainException } from '@dsaas/model';

/** The key change would break the context: duplicate key id, revoking the signing key, rotating a revoked key. */
export class KeyPairConflictException extends DomainException {
  readonly code = 'key_pair_conflict';
  readonly status = 409;
}
