import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const SECRETS_SCHEMA = 'secrets';

/** One encrypted secret of one participant context. The value is never stored in clear. */
@Entity({ schema: SECRETS_SCHEMA, name: 'secret' })
@Index('IDX_secrets_secret_key_id', ['keyId'])
export class SecretEntity {
  @PrimaryColumn({ name: 'participant_context_id', type: 'varchar', length: 128, primaryKeyConstraintName: 'PK_secrets_secret' })
  participantContextId: string;

  @PrimaryColumn({ name: 'key', type: 'varchar', length: 255, primaryKeyConstraintName: 'PK_secrets_secret' })
  key: string;

  /** Which master key encrypted the row (a fingerprint, see masterKeyId). */
  @Column({ name: 'key_id', type: 'varchar', length: 32 })
  keyId: string;

  @Column({ name: 'iv', type: 'bytea' })
  iv: Buffer;

  @Column({ name: 'auth_tag', type: 'bytea' })
  authTag: Buffer;

  @Column({ name: 'ciphertext', type: 'bytea' })
  ciphertext: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
