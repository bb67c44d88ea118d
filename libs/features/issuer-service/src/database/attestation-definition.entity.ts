import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ISSUER_SERVICE_SCHEMA } from './issuer-service.schema';

/** Where an issuer gets the facts it attests (today: its own holder table). */
@Entity({ schema: ISSUER_SERVICE_SCHEMA, name: 'attestation_definition' })
export class AttestationDefinitionEntity {
  @PrimaryColumn({ name: 'issuer_context_id', type: 'varchar', length: 128, primaryKeyConstraintName: 'PK_issuer_attestation_definition' })
  issuerContextId: string;

  @PrimaryColumn({ name: 'id', type: 'varchar', length: 128, primaryKeyConstraintName: 'PK_issuer_attestation_definition' })
  id: string;

  @Column({ name: 'type', type: 'varchar', length: 32 })
  type: string;

  @Column({ name: 'config', type: 'jsonb' })
  config: Record<string, any>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
