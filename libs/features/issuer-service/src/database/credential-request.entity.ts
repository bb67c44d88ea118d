import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import { ISSUER_SERVICE_SCHEMA } from './issuer-service.schema';

/** A DCP credential request; (issuer, holder DID, holderPid) is unique so a repeated request is the same request. */
@Entity({ schema: ISSUER_SERVICE_SCHEMA, name: 'credential_request' })
@Unique('UQ_issuer_credential_request_holder_pid', ['issuerContextId', 'holderDid', 'holderPid'])
export class CredentialRequestEntity {
  /** The issuerPid of DCP. */
  @PrimaryColumn({ name: 'id', type: 'uuid', primaryKeyConstraintName: 'PK_issuer_credential_request' })
  id: string;

  @Column({ name: 'issuer_context_id', type: 'varchar', length: 128 })
  issuerContextId: string;

  @Column({ name: 'holder_did', type: 'varchar', length: 512 })
  holderDid: string;

  @Column({ name: 'holder_pid', type: 'varchar', length: 256 })
  holderPid: string;

  @Column({ name: 'credential_definition_ids', type: 'jsonb' })
  credentialDefinitionIds: string[];

  /** RECEIVED → ISSUED | REJECTED once the holder got the answer; ERROR when it could not be delivered. */
  @Column({ name: 'state', type: 'varchar', length: 16 })
  state: string;

  /** The issuance decision (ISSUED | REJECTED), taken once and kept across redeliveries. */
  @Column({ name: 'decision', type: 'varchar', length: 16, nullable: true })
  decision: string | null;

  /** Why it was rejected, or why delivery failed. */
  @Column({ name: 'reason', type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
