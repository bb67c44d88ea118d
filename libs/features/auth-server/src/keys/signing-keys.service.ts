import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, JWK, JWTPayload, JWTVerifyGetKey, KeyLike, SignJWT } from 'jose';
import { SecretCipher, parseMasterKey } from '@dsaas/secrets';
import { AUTH_SERVER_OPTIONS, ResolvedAuthServerOptions } from '../config/auth-server-options';
import { SigningKeyEntity } from '../persistence/signing-key.entity';
import { InProcessKeyResolver } from './in-process-key-resolver';
import { SigningKeyInfo } from './signing-key';
import { SigningKeyRepository } from './signing-key.repository';

// Binds each encrypted private key to this purpose and its kid (AES-GCM additional data).
const CIPHER_NAMESPACE = 'auth-server-signing-key';
// A verification key cached in memory is re-read after this long, so a retirement by another replica is seen.
const CACHE_MS = 60_000;
// After a miss for a key id, do not ask the database again for it for this long (forged kids).
const MISS_MS = 5_000;

interface CachedKey {
  key: KeyLike | Uint8Array;
  loadedAt: number;
}

/**
 * Token signing keys: created, encrypted at rest, rotated, published in the JWKS until every token they
 * signed has expired, then deleted. Optionally rotates on an interval.
 */
@Injectable()
export class SigningKeysService implements OnModuleDestroy {
  private readonly logger = new Logger(SigningKeysService.name);
  private readonly cipher: SecretCipher;
  private readonly privateKeys = new Map<string, KeyLike | Uint8Array>();
  private readonly publicKeys = new Map<string, CachedKey>();
  private readonly misses = new Map<string, number>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly keys: SigningKeyRepository,
    @Inject(AUTH_SERVER_OPTIONS) private readonly options: ResolvedAuthServerOptions,
    inProcess: InProcessKeyResolver,
  ) {
    inProcess.attach(this.keyResolver());
    this.cipher = new SecretCipher(
      parseMasterKey(options.keyEncryptionKey, 'AUTH_KEY_ENCRYPTION_KEY'),
      options.previousKeyEncryptionKeys.map((k, i) => parseMasterKey(k, `AUTH_PREVIOUS_KEY_ENCRYPTION_KEYS[${i}]`)),
    );
  }

  /**
   * Creates the first key if there is none (or rotates when the configured algorithm changed), and starts
   * automatic rotation when configured.
   */
  async start(): Promise<void> {
    const algorithm = this.options.signingAlgorithm;
    const rotated = await this.keys.rotate(
      () => this.newKey(),
      (at) => this.retireUntil(at),
      (active) => active === null || active.algorithm !== algorithm,
    );
    if (rotated) this.logger.log(`new ${algorithm} token signing key ${rotated.kid}`);
    const interval = this.options.keyRotationIntervalSeconds;
    if (interval > 0) {
      const checkMs = Math.min(interval * 1000, 60_000);
      this.timer = setInterval(() => void this.maintain().catch((e) => this.logger.error(`key maintenance failed: ${e?.message}`)), checkMs);
      this.timer.unref();
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Rotates when the active key is older than the interval (one replica does it), and deletes expired keys. */
  async maintain(now = new Date()): Promise<void> {
    const intervalMs = this.options.keyRotationIntervalSeconds * 1000;
    if (intervalMs > 0) {
      const rotated = await this.keys.rotate(
        () => this.newKey(),
        (at) => this.retireUntil(at),
        (active) => !active || now.getTime() - active.createdAt.getTime() >= intervalMs,
      );
      if (rotated) this.logger.log(`rotated token signing key on schedule; new kid ${rotated.kid}`);
    }
    await this.keys.deleteExpired(now);
  }

  /** Makes a new key active; the old one keeps verifying until its tokens have expired. */
  async rotate(): Promise<SigningKeyInfo> {
    const key = (await this.keys.rotate(() => this.newKey(), (at) => this.retireUntil(at)))!;
    await this.keys.deleteExpired(new Date());
    this.logger.log(`rotated token signing key; new kid ${key.kid}`);
    return info(key);
  }

  async list(): Promise<SigningKeyInfo[]> {
    return (await this.keys.published(new Date())).map(info);
  }

  /** The public keys that verify tokens still in circulation. */
  async jwks(): Promise<{ keys: JWK[] }> {
    return { keys: (await this.keys.published(new Date())).map((k) => k.publicJwk as unknown as JWK) };
  }

  /** Signs a JWT with the active key; `exp` and `iat` come from the claims. */
  async sign(claims: JWTPayload): Promise<string> {
    let active = await this.keys.active();
    if (!active) {
      await this.start();
      active = (await this.keys.active())!;
    }
    return new SignJWT(claims)
      .setProtectedHeader({ alg: active.algorithm, kid: active.kid, typ: 'at+jwt' })
      .sign(await this.privateKey(active));
  }

  /** Verification keys straight from the database, for apps that verify our tokens in-process. */
  keyResolver(): JWTVerifyGetKey {
    return async (header) => {
      const kid = header.kid;
      const now = Date.now();
      const cached = kid ? this.publicKeys.get(kid) : undefined;
      if (cached && now - cached.loadedAt < CACHE_MS) return cached.key;
      if (!kid || (this.misses.get(kid) ?? 0) > now) throw new Error('unknown signing key');
      const row = await this.keys.findPublished(kid, new Date(now));
      if (!row || row.algorithm !== header.alg) {
        this.publicKeys.delete(kid);
        this.misses.set(kid, now + MISS_MS);
        if (this.misses.size > 1000) this.misses.clear();
        throw new Error('unknown signing key');
      }
      const key = await importJWK(row.publicJwk as unknown as JWK, row.algorithm);
      this.publicKeys.set(kid, { key, loadedAt: now });
      return key;
    };
  }

  private retireUntil(at: Date): Date {
    return new Date(at.getTime() + (this.options.tokenTtlSeconds + this.options.keyRetirementGraceSeconds) * 1000);
  }

  private async newKey(): Promise<SigningKeyEntity> {
    const algorithm = this.options.signingAlgorithm;
    const { privateKey, publicKey } = await generateKeyPair(algorithm, { extractable: true, modulusLength: 2048 });
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    const encrypted = this.cipher.encrypt(JSON.stringify(await exportJWK(privateKey)), CIPHER_NAMESPACE, kid);
    const key = new SigningKeyEntity();
    Object.assign(key, {
      kid,
      algorithm,
      publicJwk: { ...publicJwk, kid, alg: algorithm, use: 'sig' },
      encryptionKeyId: encrypted.keyId,
      iv: encrypted.iv,
      authTag: encrypted.authTag,
      ciphertext: encrypted.ciphertext,
    });
    return key;
  }

  private async privateKey(row: SigningKeyEntity): Promise<KeyLike | Uint8Array> {
    let key = this.privateKeys.get(row.kid);
    if (!key) {
      const jwk = JSON.parse(
        this.cipher.decrypt(
          { keyId: row.encryptionKeyId, iv: row.iv, authTag: row.authTag, ciphertext: row.ciphertext },
          CIPHER_NAMESPACE,
          row.kid,
        ),
      );
      key = await importJWK(jwk, row.algorithm);
      this.privateKeys.set(row.kid, key);
    }
    return key;
  }
}

function info(key: SigningKeyEntity): SigningKeyInfo {
  return {
    kid: key.kid,
    algorithm: key.algorithm,
    createdAt: key.createdAt,
    retiredAt: key.retiredAt ?? undefined,
    expiresAt: key.expiresAt ?? undefined,
  };
}
