import { Column, Entity, PrimaryColumn } from 'typeorm';
import { IDENTITY_HUB_SCHEMA } from './identity-hub.schema';

/** The public half of a context's key pair; the private JWK lives only in the SecretStore (`keys/<keyId>`). */
@Entity({ schema: IDENTITY_HUB_SCHEMA, name: 'key_pair' })
export class KeyPairEntity {
  @PrimaryColumn({ name: 'participant_context_id', type: 'varchar', length: 128, primaryKeyConstraintName: 'PK_identity_hub_key_pair' })
  participantContextId: string;

  @PrimaryColumn({ name: 'key_id', type: 'varchar', length: 128, primaryKeyConstraintName: 'PK_identity_hub_key_pair' })
  keyId: string;

  @Column({ name: 'algorithm', type: 'varchar', length: 16 })
  algorithm: string;

  @Column({ name: 'public_jwk', type: 'jsonb' })
  publicJwk: Record<string, any>;

  /** `active` (in the DID document), `rotated` (still in it, no longer signs) or `revoked` (gone from it). */
  @Column({ name: 'state', type: 'varchar', length: 16 })
  state: string;

  /** The one key the context signs with. */
  @Column({ name: 'is_default', type: 'boolean' })
  isDefault: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'rotated_at', type: 'timestamptz', nullable: true })
  rotatedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
