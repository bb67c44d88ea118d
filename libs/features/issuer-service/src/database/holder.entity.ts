import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import { ISSUER_SERVICE_SCHEMA } from './issuer-service.schema';

/** A member known to an issuer: the table behind the "holder is in the member table" attestation. */
@Entity({ schema: ISSUER_SERVICE_SCHEMA, name: 'holder' })
@Unique('UQ_issuer_holder_did', ['issuerContextId', 'did'])
export class HolderEntity {
  @PrimaryColumn({ name: 'issuer_context_id', type: 'varchar', length: 128, primaryKeyConstraintName: 'PK_issuer_holder' })
  issuerContextId: string;

  @PrimaryColumn({ name: 'holder_id', type: 'varchar', length: 128, primaryKeyConstraintName: 'PK_issuer_holder' })
  holderId: string;

  @Column({ name: 'did', type: 'varchar', length: 512 })
  did: string;

  @Column({ name: 'name', type: 'varchar', length: 256, nullable: true })
  name: string | null;

  @Column({ name: 'properties', type: 'jsonb' })
  properties: Record<string, any>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
