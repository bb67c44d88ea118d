import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'crypto';
import { SecretDecryptionException } from '../secret-decryption.exception';
import { SecretKeyUnavailableException } from '../secret-key-unavailable.exception';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const KEY_BYTES = 32;

export interface EncryptedSecret {
  keyId: string;
  iv: Buffer;
  authTag: Buffer;
  ciphertext: Buffer;
}

/**
 * A key id derived from the key itself, so configuration only lists keys (no ids to keep in step) and a
 * process started with the wrong key names the mismatch instead of failing authentication.
 */
export function masterKeyId(key: Buffer): string {
  return createHash('sha256').update('dsaas-secrets-key-id:v1:').update(key).digest('hex').slice(0, 16);
}

/** Decodes a base64 master key; the error names the setting so start-up fails with a usable message. */
export function parseMasterKey(base64: string, setting = 'SECRETS_ENCRYPTION_KEY'): Buffer {
  const trimmed = (base64 ?? '').trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) {
    throw new Error(`${setting} must be a base64-encoded ${KEY_BYTES}-byte key (e.g. \`openssl rand -base64 32\`)`);
  }
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(`${setting} must decode to ${KEY_BYTES} bytes, got ${key.length}`);
  }
  return key;
}

// Binds a ciphertext to its namespace and key: a row copied elsewhere fails authentication.
// NUL cannot occur in a validated id or key, so the encoding is unambiguous.
function additionalData(participantContextId: string, key: string): Buffer {
  return Buffer.from(`dsaas-secret:v1\0${participantContextId}\0${key}`, 'utf8');
}

/** AES-256-GCM with a current key for writes and older keys kept for reads during rotation. */
export class SecretCipher {
  private readonly keys = new Map<string, Buffer>();
  readonly currentKeyId: string;

  constructor(currentKey: Buffer, previousKeys: Buffer[] = []) {
    for (const key of [currentKey, ...previousKeys]) {
      if (key.length !== KEY_BYTES) throw new Error(`secret master keys must be ${KEY_BYTES} bytes`);
    }
    this.currentKeyId = masterKeyId(currentKey);
    this.keys.set(this.currentKeyId, currentKey);
    for (const key of previousKeys) this.keys.set(masterKeyId(key), key);
  }

  static fromBase64(currentKey: string, previousKeys: string[] = []): SecretCipher {
    return new SecretCipher(
      parseMasterKey(currentKey),
      previousKeys.map((k, i) => parseMasterKey(k, `SECRETS_PREVIOUS_ENCRYPTION_KEYS[${i}]`)),
    );
  }

  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  encrypt(plaintext: string, participantContextId: string, key: string): EncryptedSecret {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.keys.get(this.currentKeyId)!, iv);
    cipher.setAAD(additionalData(participantContextId, key));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { keyId: this.currentKeyId, iv, authTag: cipher.getAuthTag(), ciphertext };
  }

  decrypt(secret: EncryptedSecret, participantContextId: string, key: string): string {
    const masterKey = this.keys.get(secret.keyId);
    if (!masterKey) {
      throw new SecretKeyUnavailableException(participantContextId, key, secret.keyId, this.keyIds);
    }
    try {
      const decipher = createDecipheriv(ALGORITHM, masterKey, secret.iv);
      decipher.setAAD(additionalData(participantContextId, key));
      decipher.setAuthTag(secret.authTag);
      return Buffer.concat([decipher.update(secret.ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretDecryptionException(participantContextId, key);
    }
  }
}
