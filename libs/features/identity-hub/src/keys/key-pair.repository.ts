import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { JWK } from 'jose';
import type { KeyAlgorithm } from '@dsaas/identity';
import { KeyPairEntity } from '../database/key-pair.entity';
import { KeyPair, KeyPairState } from './key-pair';

export function toKeyPairRow(key: KeyPair): KeyPairEntity {
  return {
    participantContextId: key.participantContextId,
    keyId: key.keyId,
    algorithm: key.algorithm,
    publicJwk: key.publicJwk as Record<string, any>,
    state: key.state,
    isDefault: key.isDefault,
    createdAt: key.createdAt,
    rotatedAt: key.rotatedAt ?? null,
    revokedAt: key.revokedAt ?? null,
  };
}

function toKeyPair(row: KeyPairEntity): KeyPair {
  return {
    participantContextId: row.participantContextId,
    keyId: row.keyId,
    algorithm: row.algorithm as KeyAlgorithm,
    publicJwk: row.publicJwk as JWK,
    state: row.state as KeyPairState,
    isDefault: row.isDefault,
    createdAt: row.createdAt,
    rotatedAt: row.rotatedAt ?? undefined,
    revokedAt: row.revokedAt ?? undefined,
  };
}

/** Queries of the key_pair table (public keys only). */
@Injectable()
export class KeyPairRepository {
  constructor(@InjectRepository(KeyPairEntity) private readonly keys: Repository<KeyPairEntity>) {}

  async list(participantContextId: string): Promise<KeyPair[]> {
    const rows = await this.keys.find({ where: { participantContextId }, order: { createdAt: 'ASC', keyId: 'ASC' } });
    return rows.map(toKeyPair);
  }

  async find(participantContextId: string, keyId: string): Promise<KeyPair | undefined> {
    const row = await this.keys.findOneBy({ participantContextId, keyId });
    return row ? toKeyPair(row) : undefined;
  }

  async findDefault(participantContextId: string): Promise<KeyPair | undefined> {
    const row = await this.keys.findOneBy({ participantContextId, isDefault: true, state: 'active' });
    return row ? toKeyPair(row) : undefined;
  }

  /**
   * Adds a key; when it becomes the default, the previous default stops being one in the same transaction,
   * and `retire` (rotation) also marks that previous key `rotated`.
   */
  async insert(key: KeyPair, options: { retire?: string } = {}): Promise<void> {
    await this.keys.manager.transaction(async (manager) => {
      const repository = manager.getRepository(KeyPairEntity);
      // Serialises key changes of one context, so two rotations cannot leave two default keys.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('dsaas.identity_hub.keys.' || $1))`, [key.participantContextId]);
      if (key.isDefault) await repository.update({ participantContextId: key.participantContextId, isDefault: true }, { isDefault: false });
      if (options.retire) {
        await repository.update({ participantContextId: key.participantContextId, keyId: options.retire }, { state: 'rotated', isDefault: false, rotatedAt: key.createdAt });
      }
      await repository.insert(toKeyPairRow(key));
    });
  }

  async revoke(participantContextId: string, keyId: string, at: Date): Promise<void> {
    await this.keys.update({ participantContextId, keyId }, { state: 'revoked', isDefault: false, revokedAt: at });
  }
}
