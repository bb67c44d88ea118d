import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IDENTITY_HUB_SCHEMA } from './identity-hub.schema';

/** A verifiable credential a context holds (JWT VC), imported or delivered by an issuer. */
@Entity({ schema: IDENTITY_HUB_SCHEMA, name: 'stored_credential' })
@Index('UQ_identity_hub_stored_credential_content', ['participantContextId', 'contentHash'], { unique: true })
export class StoredCredentialEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid', primaryKeyConstraintName: 'PK_identity_hub_stored_credential' })
  id: string;

  @Column({ name: 'participant_context_id', type: 'varchar', length: 128 })
  participantContextId: string;

  /** The VC's own `id` (or `jti`), when it has one. */
  @Column({ name: 'credential_id', type: 'varchar', length: 512, nullable: true })
  credentialId: string | null;

  @Column({ name: 'types', type: 'text', array: true })
  types: string[];

  @Column({ name: 'issuer', type: 'varchar', length: 512 })
  issuer: string;

  /** `vc1_0_jwt` or `vc2_0_jose`. */
  @Column({ name: 'format', type: 'varchar', length: 16 })
  format: string;

  @Column({ name: 'raw', type: 'text' })
  raw: string;

  /** The decoded VC (for reads; the JWT in `raw` stays the source of truth). */
  @Column({ name: 'content', type: 'jsonb' })
  content: Record<string, any>;

  /** SHA-256 of the JWT: the same credential delivered twice is stored once. */
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash: string;

  @Column({ name: 'valid_from', type: 'timestamptz', nullable: true })
  validFrom: Date | null;

  @Column({ name: 'valid_until', type: 'timestamptz', nullable: true })
  validUntil: Date | null;

  /** `import` (identity API) or `issuance` (DCP storage endpoint). */
  @Column({ name: 'source', type: 'varchar', length: 16 })
  source: string;

  @Column({ name: 'holder_pid', type: 'varchar', length: 128, nullable: true })
  holderPid: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
