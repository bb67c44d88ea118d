import { DomainException } from '@dsaas/model';

/**
 * A stored secret failed authentication: its ciphertext was altered, or it was moved to another
 * context or key. The value is never returned; an operator has to look at the row.
 */
export class SecretDecryptionException extends DomainException {
  readonly code = 'secret_decryption_failed';
  readonly status = 500;
  constructor(participantContextId: string, key: string) {
    super(
      `secret '${key}' of participant context '${participantContextId}' failed integrity check ` +
        '(tampered with, moved from another context, or encrypted with a different key of the same id)',
    );
    this.extensions.participantContextId = participantContextId;
  }
}
