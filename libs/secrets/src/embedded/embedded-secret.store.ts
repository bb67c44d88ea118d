import { DataSource } from 'typeorm';
import { DomainException } from '@dsaas/model';
import { assertParticipantContextId, assertSecretKey, assertSecretValue } from '../secret-address';
import { SecretStore } from '../secret-store';
import { SecretCipher } from './secret-cipher';
import { SecretRepository } from './secret.repository';

export interface KeyRotationResult {
  reencrypted: number;
  /** Secrets that could not be decrypted (tampered, or under a key not configured); left untouched. */
  failed: Array<{ participantContextId: string; key: string; code: string }>;
}

/**
 * Secrets encrypted at rest in PostgreSQL (schema `secrets`): AES-256-GCM, a fresh IV per write, the
 * ciphertext bound to its context and key. The default backend when no Vault is configured.
 */
export class EmbeddedSecretStore implements SecretStore {
  private readonly repository: SecretRepository;

  constructor(
    dataSource: DataSource,
    private readonly cipher: SecretCipher,
  ) {
    this.repository = new SecretRepository(dataSource);
  }

  async get(participantContextId: string, key: string): Promise<string | undefined> {
    assertParticipantContextId(participantContextId);
    assertSecretKey(key);
    const row = await this.repository.find(participantContextId, key);
    return row ? this.cipher.decrypt(row, participantContextId, key) : undefined;
  }

  async put(participantContextId: string, key: string, value: string): Promise<void> {
    assertParticipantContextId(participantContextId);
    assertSecretKey(key);
    assertSecretValue(value);
    // Always the current master key: writing is what moves a secret off a retired key.
    const encrypted = this.cipher.encrypt(value, participantContextId, key);
    await this.repository.upsert({ participantContextId, key, ...encrypted });
  }

  async delete(participantContextId: string, key: string): Promise<void> {
    assertParticipantContextId(participantContextId);
    assertSecretKey(key);
    await this.repository.delete(participantContextId, key);
  }

  async list(participantContextId: string): Promise<string[]> {
    assertParticipantContextId(participantContextId);
    return this.repository.listKeys(participantContextId);
  }

  async deleteNamespace(participantContextId: string): Promise<void> {
    assertParticipantContextId(participantContextId);
    await this.repository.deleteNamespace(participantContextId);
  }

  async isHealthy(): Promise<boolean> {
    try {
      await this.repository.ping();
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Re-encrypts every secret still under an old master key with the current one, so the old key can be
   * dropped from configuration. Rows that fail to decrypt are left as they are and reported.
   */
  async reencryptWithCurrentKey(batchSize = 100): Promise<KeyRotationResult> {
    const result: KeyRotationResult = { reencrypted: 0, failed: [] };
    let after: { participantContextId: string; key: string } | undefined;
    for (;;) {
      const rows = await this.repository.findNotEncryptedWith(this.cipher.currentKeyId, batchSize, after);
      if (rows.length === 0) return result;
      for (const row of rows) {
        try {
          const value = this.cipher.decrypt(row, row.participantContextId, row.key);
          const next = { ...row, ...this.cipher.encrypt(value, row.participantContextId, row.key) };
          if (await this.repository.replaceIfUnchanged(row, next)) result.reencrypted++;
        } catch (error) {
          if (!(error instanceof DomainException)) throw error;
          result.failed.push({ participantContextId: row.participantContextId, key: row.key, code: error.code });
        }
      }
      const last = rows[rows.length - 1];
      after = { participantContextId: last.participantContextId, key: last.key };
    }
  }
}
