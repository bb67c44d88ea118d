import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ISSUER_SERVICE_SCHEMA } from './issuer-service.schema';

/** A credential an issuer offers: type, format, validity, the attestations and rules it needs, and how claims are mapped. */
@Entity({ schema: ISSUER_SERVICE_SCHEMA, name: 'credential_definition' })
export class CredentialDefinitionEntity {
  @PrimaryColumn({ name: 'issuer_context_id', type: 'varchar', length: 128, primaryKeyConstraintName: 'PK_issuer_credential_definition' })
  issuerContextId: string;

  @PrimaryColumn({ name: 'id', type: 'varchar', length: 128, primaryKeyConstraintName: 'PK_issuer_credential_definition' })
  id: string;

  @Column({ name: 'credential_type', type: 'varchar', length: 128 })
  credentialType: string;

  @Column({ name: 'format', type: 'varchar', length: 16 })
  format: string;

  @Column({ name: 'validity_seconds', type: 'integer' })
  validitySeconds: number;

  @Column({ name: 'attestations', type: 'jsonb' })
  attestations: string[];

  @Column({ name: 'rules', type: 'jsonb' })
  rules: any[];

  @Column({ name: 'mappings', type: 'jsonb' })
  mappings: any[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
