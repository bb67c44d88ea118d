import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CONTROL_PLANE_SCHEMA } from './control-plane.schema';

/** An asset a participant context offers; ids are unique per context only. */
@Entity({ schema: CONTROL_PLANE_SCHEMA, name: 'asset' })
export class AssetEntity {
  @PrimaryColumn({ name: 'participant_context_id', type: 'varchar', length: 128, primaryKeyConstraintName: 'PK_control_plane_asset' })
  participantContextId: string;

  @PrimaryColumn({ name: 'id', type: 'varchar', length: 256, primaryKeyConstraintName: 'PK_control_plane_asset' })
  id: string;

  @Column({ name: 'properties', type: 'jsonb' })
  properties: Record<string, unknown>;

  /** Never shown to counter-parties (catalog), only to the owner. */
  @Column({ name: 'private_properties', type: 'jsonb' })
  privateProperties: Record<string, unknown>;

  @Column({ name: 'data_address', type: 'jsonb' })
  dataAddress: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
