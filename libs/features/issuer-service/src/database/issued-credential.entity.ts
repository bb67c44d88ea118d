import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ISSUER_SERVICE_SCHEMA } from './issuer-service.schema';

/** A credential this issuer signed, with its place in the issuer's status list (for revocation). */
@Entity({ schema: ISSUER_SERVICE_SCHEMA, name: 'issued_credential' })
@Index('IDX_issuer_issued_credential_context', ['issuerContextId', 'issuedAt'])
@Index('IDX_issuer_issued_credential_request', ['requestId'])
export class IssuedCredentialEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid', primaryKeyConstraintName: 'PK_issuer_issued_credential' })
  id: string;

  @Column({ name: 'issuer_context_id', type: 'varchar', length: 128 })
  issuerContextId: string;

  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId: string | null;

  @Column({ name: 'credential_definition_id', type: 'varchar', length: 128 })
  credentialDefinitionId: string;

  @Column({ name: 'credential_type', type: 'varchar', length: 128 })
  credentialType: string;

  @Column({ name: 'holder_did', type: 'varchar', length: 512 })
  holderDid: string;

  @Column({ name: 'format', type: 'varchar', length: 16 })
  format: string;

  @Column({ name: 'status_list_id', type: 'uuid' })
  statusListId: string;

  @Column({ name: 'status_list_index', type: 'integer' })
  statusListIndex: number;

  /** The signed JWT VC, kept so a redelivery sends the very same credential. */
  @Column({ name: 'jwt', type: 'text' })
  jwt: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
