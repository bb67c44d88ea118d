import { Injectable, Logger } from '@nestjs/common';
import { KeyAlgorithm } from '@dsaas/identity';
import { ParticipantContextsService } from '../participants/participant-contexts.service';
import { KeyMaterialService, SigningMaterial } from './key-material.service';
import { KeyPair } from './key-pair';
import { KeyPairConflictException } from './key-pair-conflict.exception';
import { KeyPairNotFoundException } from './key-pair-not-found.exception';
import { KeyPairRepository } from './key-pair.repository';

export interface NewKeyPair {
  keyId?: string;
  algorithm?: KeyAlgorithm;
  /** Sign with the new key from now on. */
  makeDefault?: boolean;
}

/**
 * Key pairs of a context. Rotation adds a new signing key and keeps the old public key in the DID document
 * (signatures it made still verify) until it is revoked.
 */
@Injectable()
export class KeyPairsService {
  private readonly logger = new Logger('KeyPairs');

  constructor(
    private readonly contexts: ParticipantContextsService,
    private readonly keys: KeyPairRepository,
    private readonly keyMaterial: KeyMaterialService,
  ) {}

  async list(participantContextId: string): Promise<KeyPair[]> {
    await this.contexts.get(participantContextId);
    return this.keys.list(participantContextId);
  }

  async add(participantContextId: string, input: NewKeyPair): Promise<KeyPair> {
    await this.contexts.getActive(participantContextId);
    if (input.keyId && (await this.keys.find(participantContextId, input.keyId))) {
      throw new KeyPairConflictException(`Key pair '${input.keyId}' already exists`);
    }
    const key = await this.keyMaterial.create(participantContextId, input.algorithm ?? 'ES256', input.keyId, input.makeDefault ?? false);
    await this.insert(key);
    this.logger.log({ participantContextId, keyId: key.keyId }, 'key pair added');
    return key;
  }

  async rotate(participantContextId: string, keyId: string, input: { algorithm?: KeyAlgorithm; newKeyId?: string }): Promise<KeyPair> {
    await this.contexts.getActive(participantContextId);
    const old = await this.require(participantContextId, keyId);
    if (old.state !== 'active') throw new KeyPairConflictException(`Key pair '${keyId}' is ${old.state}; only an active key can be rotated`);
    if (input.newKeyId && (await this.keys.find(participantContextId, input.newKeyId))) {
      throw new KeyPairConflictException(`Key pair '${input.newKeyId}' already exists`);
    }
    const key = await this.keyMaterial.create(participantContextId, input.algorithm ?? old.algorithm, input.newKeyId, true);
    await this.insert(key, old.keyId);
    this.logger.log({ participantContextId, keyId: old.keyId, newKeyId: key.keyId }, 'key pair rotated');
    return key;
  }

  async revoke(participantContextId: string, keyId: string): Promise<KeyPair> {
    await this.contexts.get(participantContextId);
    const key = await this.require(participantContextId, keyId);
    if (key.state === 'revoked') return key;
    if (key.isDefault) throw new KeyPairConflictException(`Key pair '${keyId}' is the signing key; rotate it before revoking it`);
    await this.keys.revoke(participantContextId, keyId, new Date());
    // Nothing signs with a revoked key again, so its private half goes.
    await this.keyMaterial.discard(participantContextId, keyId);
    this.logger.log({ participantContextId, keyId }, 'key pair revoked');
    return this.require(participantContextId, keyId);
  }

  /** The context's signing key with its private JWK, for the STS and presentations. */
  async signingMaterial(participantContextId: string): Promise<SigningMaterial> {
    const context = await this.contexts.getActive(participantContextId);
    const key = await this.keys.findDefault(participantContextId);
    if (!key) throw new KeyPairNotFoundException(`default key of ${participantContextId}`);
    return this.keyMaterial.signingMaterial(context.did, key);
  }

  private async require(participantContextId: string, keyId: string): Promise<KeyPair> {
    const key = await this.keys.find(participantContextId, keyId);
    if (!key) throw new KeyPairNotFoundException(keyId);
    return key;
  }

  private async insert(key: KeyPair, retire?: string): Promise<void> {
    try {
      await this.keys.insert(key, { retire });
    } catch (error) {
      await this.keyMaterial.discard(key.participantContextId, key.keyId);
      throw error;
    }
  }
}
