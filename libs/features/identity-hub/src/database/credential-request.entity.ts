import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IDENTITY_HUB_SCHEMA } from './identity-hub.schema';

/** A credential request this holder sent to an issuer (DCP issuance, holder side). */
@Entity({ schema: IDENTITY_HUB_SCHEMA, name: 'credential_request' })
@Index('IDX_identity_hub_credential_request_context', ['participantContextId'])
export class CredentialRequestEntity {
  @PrimaryColumn({ name: 'holder_pid', type: 'varchar', length: 128, primaryKeyConstraintName: 'PK_identity_hub_credential_request' })
  holderPid: string;

  @Column({ name: 'participant_context_id', type: 'varchar', length: 128 })
  participantContextId: string;

  @Column({ name: 'issuer_did', type: 'varchar', length: 512 })
  issuerDid: string;

  /** The issuer's id of the request (from the Location header of its 201). */
  @Column({ name: 'issuer_pid', type: 'varchar', length: 256, nullable: true })
  issuerPid: string | null;

  /** `REQUESTED`, `ISSUED`, `REJECTED` or `ERROR`. */
  @Column({ name: 'state', type: 'varchar', length: 16 })
  state: string;

  /** The credential objects asked for: `{ id?, credentialType?, format? }`. */
  @Column({ name: 'credentials', type: 'jsonb' })
  credentials: Record<string, any>[];

  @Column({ name: 'error_detail', type: 'text', nullable: true })
  errorDetail: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
