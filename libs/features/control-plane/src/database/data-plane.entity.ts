import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CONTROL_PLANE_SCHEMA } from './control-plane.schema';

/** A data plane a participant context may use for transfers (DPS signaling endpoint and what it can move). */
@Entity({ schema: CONTROL_PLANE_SCHEMA, name: 'data_plane' })
export class DataPlaneEntity {
  @PrimaryColumn({ name: 'participant_context_id', type: 'varchar', length: 128, primaryKeyConstraintName: 'PK_control_plane_data_plane' })
  participantContextId: string;

  @PrimaryColumn({ name: 'id', type: 'varchar', length: 256, primaryKeyConstraintName: 'PK_control_plane_data_plane' })
  id: string;

  /** DPS signaling URL. */
  @Column({ name: 'url', type: 'varchar', length: 2048 })
  url: string;

  @Column({ name: 'allowed_source_types', type: 'jsonb' })
  allowedSourceTypes: string[];

  @Column({ name: 'allowed_transfer_types', type: 'jsonb' })
  allowedTransferTypes: string[];

  @Column({ name: 'destination_provision_types', type: 'jsonb' })
  destinationProvisionTypes: string[];

  @Column({ name: 'properties', type: 'jsonb' })
  properties: Record<string, unknown>;

  @Column({ name: 'state', type: 'varchar', length: 32 })
  state: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
