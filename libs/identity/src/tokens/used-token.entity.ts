import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Self-issued token ids (jti) already accepted, kept until the token expires: replay protection shared by every
 * replica of a service. No schema here: a service adds this entity and `CreateUsedTokenTable1767500000000` to its
 * data source, and the table lives in that service's own schema (like the outbox).
 */
@Entity({ name: 'used_token' })
@Index('IDX_used_token_expires_at', ['expiresAt'])
export class UsedTokenEntity {
  @PrimaryColumn({ name: 'issuer', type: 'varchar', length: 512, primaryKeyConstraintName: 'PK_used_token' })
  issuer: string;

  @PrimaryColumn({ name: 'jti', type: 'varchar', length: 256, primaryKeyConstraintName: 'PK_used_token' })
  jti: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
