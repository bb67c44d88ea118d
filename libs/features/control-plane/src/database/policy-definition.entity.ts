import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CONTROL_PLANE_SCHEMA } from './control-plane.schema';

/** A named ODRL policy (compact JSON-LD) of a participant context. */
@Entity({ schema: CONTROL_PLANE_SCHEMA, name: 'policy_definition' })
export class PolicyDefinitionEntity {
  @PrimaryColumn({ name: 'participant_context_id', type: 'varchar', length: 128, primaryKeyConstraintName: 'PK_control_plane_policy_definition' })
  participantContextId: string;

  @PrimaryColumn({ name: 'id', type: 'varchar', length: 256, primaryKeyConstraintName: 'PK_control_plane_policy_definition' })
  id: string;

  @Column({ name: 'policy', type: 'jsonb' })
  policy: Record<string, unknown>;

  @Column({ name: 'private_properties', type: 'jsonb' })
  privateProperties: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
