import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IDENTITY_HUB_SCHEMA } from './identity-hub.schema';

/** Token ids (jti) already accepted, kept until the token expires: replay protection shared by all replicas. */
@Entity({ schema: IDENTITY_HUB_SCHEMA, name: 'used_token' })
@Index('IDX_identity_hub_used_token_expires', ['expiresAt'])
export class UsedTokenEntity {
  @PrimaryColumn({ name: 'issuer', type: 'varchar', length: 512, primaryKeyConstraintName: 'PK_identity_hub_used_token' })
  issuer: string;

  @PrimaryColumn({ name: 'jti', type: 'varchar', length: 256, primaryKeyConstraintName: 'PK_identity_hub_used_token' })
  jti: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
