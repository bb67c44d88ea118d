import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATA_PLANE_SCHEMA } from '../database/data-plane.schema';

/** A data flow row. Credentials (push destination, EDR tokens) are never stored here. */
@Entity({ schema: DATA_PLANE_SCHEMA, name: 'data_flow' })
@Index('IDX_data_plane_data_flow_context', ['participantContextId'])
@Index('IDX_data_plane_data_flow_lease', ['state', 'kind', 'leaseUntil'])
export class DataFlowEntity {
  @PrimaryColumn({ name: 'id', type: 'varchar', length: 256, primaryKeyConstraintName: 'PK_data_plane_data_flow' })
  id: string;

  @Column({ name: 'participant_context_id', type: 'varchar', length: 128 })
  participantContextId: string;

  @Column({ name: 'state', type: 'varchar', length: 16 })
  state: string;

  @Column({ name: 'kind', type: 'varchar', length: 8 })
  kind: string;

  @Column({ name: 'profile', type: 'varchar', length: 512 })
  profile: string;

  @Column({ name: 'transfer_type', type: 'varchar', length: 256 })
  transferType: string;

  @Column({ name: 'agreement_id', type: 'varchar', length: 512 })
  agreementId: string;

  @Column({ name: 'dataset_id', type: 'varchar', length: 512 })
  datasetId: string;

  @Column({ name: 'counter_party_id', type: 'varchar', length: 512 })
  counterPartyId: string;

  @Column({ name: 'callback_address', type: 'varchar', length: 2048, nullable: true })
  callbackAddress: string | null;

  @Column({ name: 'source', type: 'jsonb' })
  source: Record<string, string>;

  @Column({ name: 'token_generation', type: 'integer', default: 0 })
  tokenGeneration: number;

  @Column({ name: 'refresh_token_hash', type: 'varchar', length: 64, nullable: true })
  refreshTokenHash: string | null;

  @Column({ name: 'bytes_transferred', type: 'bigint', default: 0 })
  bytesTransferred: string;

  @Column({ name: 'attempts', type: 'integer', default: 0 })
  attempts: number;

  /** Until when a replica's push/stream runner owns the flow; an expired lease is taken over after a crash. */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ name: 'error', type: 'varchar', length: 2048, nullable: true })
  error: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
