import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AUTH_SERVER_SCHEMA } from './auth-server-schema';

/**
 * A token signing key. The private key is AES-256-GCM encrypted with the configured key-encryption key.
 * Active while `retiredAt` is null; published in the JWKS until `expiresAt` (every token it signed has expired).
 */
@Entity({ schema: AUTH_SERVER_SCHEMA, name: 'signing_key' })
export class SigningKeyEntity {
  @PrimaryColumn({ name: 'kid', type: 'varchar', length: 64, primaryKeyConstraintName: 'PK_auth_server_signing_key' })
  kid: string;

  @Column({ name: 'algorithm', type: 'varchar', length: 16 })
  algorithm: string;

  @Column({ name: 'public_jwk', type: 'jsonb' })
  publicJwk: Record<string, unknown>;

  /** Fingerprint of the key-encryption key that encrypted the private key. */
  @Column({ name: 'encryption_key_id', type: 'varchar', length: 32 })
  encryptionKeyId: string;

  @Column({ name: 'iv', type: 'bytea' })
  iv: Buffer;

  @Column({ name: 'auth_tag', type: 'bytea' })
  authTag: Buffer;

  @Column({ name: 'ciphertext', type: 'bytea' })
  ciphertext: Buffer;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;
}
