import { DomainException } from '@dsaas/model';

/** A stored secret was encrypted with a master key this process is not configured with. */
export class SecretKeyUnavailableException extends DomainException {
  readonly code = 'secret_key_unavailable';
  readonly status = 500;
  constructor(participantContextId: string, key: string, keyId: string, configuredKeyIds: string[]) {
    super(
      `secret '${key}' of participant context '${participantContextId}' is encrypted with master key '${keyId}', ` +
        `which is not configured (configured: ${configuredKeyIds.join(', ')}); ` +
        'set SECRETS_ENCRYPTION_KEY to the right key or list the old one in SECRETS_PREVIOUS_ENCRYPTION_KEYS',
    );
    this.extensions.participantContextId = participantContextId;
    this.extensions.keyId = keyId;
  }
}
