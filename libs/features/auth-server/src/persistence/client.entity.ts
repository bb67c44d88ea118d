import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AUTH_SERVER_SCHEMA } from './auth-server-schema';

/** A registered OAuth2 client. The secret is kept only as a salted scrypt hash. */
@Entity({ schema: AUTH_SERVER_SCHEMA, name: 'client' })
export class ClientEntity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 128, primaryKeyConstraintName: 'PK_auth_server_client' })
  clientId: string;

  /** `scrypt$N$r$p$<salt>$<hash>`: self-describing, so the cost can be raised later without a migration. */
  @Column({ name: 'secret_hash', type: 'varchar', length: 255 })
  secretHash: string;

  @Column({ name: 'role', type: 'varchar', length: 32 })
  role: string;

  @Column({ name: 'participant_context_id', type: 'varchar', length: 128, nullable: true })
  participantContextId: string | null;

  @Column({ name: 'scopes', type: 'text', array: true })
  scopes: string[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'secret_rotated_at', type: 'timestamptz' })
  secretRotatedAt: Date;

  /** Set when revoked; the row stays so the client id is never handed out again. */
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
