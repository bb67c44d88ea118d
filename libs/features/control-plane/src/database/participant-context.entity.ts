import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CONTROL_PLANE_SCHEMA } from './control-plane.schema';

/** A hosted participant in the control plane: its DID and configuration (DSP address, credential service URL, ...). */
@Entity({ schema: CONTROL_PLANE_SCHEMA, name: 'participant_context' })
export class ParticipantContextEntity {
  @PrimaryColumn({ name: 'participant_context_id', type: 'varchar', length: 128, primaryKeyConstraintName: 'PK_control_plane_participant_context' })
  participantContextId: string;

  /** The participant's DID: DSP counter-parties address it by this. */
  @Index('UQ_control_plane_participant_context_identity', { unique: true })
  @Column({ name: 'identity', type: 'varchar', length: 512 })
  identity: string;

  @Column({ name: 'properties', type: 'jsonb' })
  properties: Record<string, unknown>;

  @Column({ name: 'state', type: 'varchar', length: 32 })
  state: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
