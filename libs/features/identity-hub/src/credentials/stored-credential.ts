import type { CredentialFormat } from '@dsaas/identity';

export type CredentialSource = 'import' | 'issuance';

/** A JWT VC held by a context. */
export interface StoredCredential {
  id: string;
  participantContextId: string;
  /** The VC's own id (`id`, or `jti` in a VC 1.1 JWT), when present. */
  credentialId?: string;
  types: string[];
  issuer: string;
  format: CredentialFormat;
  raw: string;
  content: Record<string, unknown>;
  contentHash: string;
  validFrom?: Date;
  validUntil?: Date;
  source: CredentialSource;
  holderPid?: string;
  createdAt: Date;
}
