import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'crypto';
import type { JWK } from 'jose';
import { generateKeyPair, KeyAlgorithm } from '@dsaas/identity';
import { TransientException } from '@dsaas/model';
import { SECRET_STORE, SecretStore } from '@dsaas/secrets';
import { KeyPair, privateKeySecretName } from './key-pair';

/** What signing needs; never serialised into a response or a log line. */
export interface SigningMaterial {
  did: string;
  keyId: string;
  /** Absolute `did#keyId`, the JWS `kid`. */
  kid: string;
  algorithm: KeyAlgorithm;
  privateJwk: JWK;
}

/** Random, so concurrent creations never overwrite each other's private keys in the SecretStore. */
export function newKeyId(): string {
  return `key-${randomBytes(6).toString('hex')}`;
}

/**
 * Makes key pairs and keeps their private halves in the owning context's SecretStore namespace. The only
 * place that reads private keys back.
 */
@Injectable()
export class KeyMaterialService {
  constructor(@Inject(SECRET_STORE) private readonly secrets: SecretStore) {}

  /** Generates a key pair, stores the private JWK, answers the public record (not yet persisted). */
  async create(participantContextId: string, algorithm: KeyAlgorithm, keyId = newKeyId(), isDefault = true): Promise<KeyPair> {
    const generated = await generateKeyPair(algorithm);
    await this.secrets.put(participantContextId, privateKeySecretName(keyId), JSON.stringify(generated.privateJwk));
    return {
      participantContextId,
      keyId,
      algorithm,
      publicJwk: { ...generated.publicJwk, kid: keyId },
      state: 'active',
      isDefault,
      createdAt: new Date(),
    };
  }

  async signingMaterial(did: string, key: KeyPair): Promise<SigningMaterial> {
    const stored = await this.secrets.get(key.participantContextId, privateKeySecretName(key.keyId));
    if (!stored) {
      // Says which key, never anything about its content.
      throw new TransientException(`The private key '${key.keyId}' of participant context '${key.participantContextId}' is not in the secret store`);
    }
    return { did, keyId: key.keyId, kid: `${did}#${key.keyId}`, algorithm: key.algorithm, privateJwk: JSON.parse(stored) as JWK };
  }

  async discard(participantContextId: string, keyId: string): Promise<void> {
    await this.secrets.delete(participantContextId, privateKeySecretName(keyId));
  }

  async discardAll(participantContextId: string): Promise<void> {
    await this.secrets.deleteNamespace(participantContextId);
  }
}
