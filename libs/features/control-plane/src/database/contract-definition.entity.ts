import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CONTROL_PLANE_SCHEMA } from './control-plane.schema';

/** Offers assets (chosen by a selector) under an access policy and a contract policy of the same context. */
@Entity({ schema: CONTROL_PLANE_SCHEMA, name: 'contract_definition' })
@Index('IDX_control_plane_contract_definition_access_policy', ['participantContextId', 'accessPolicyId'])
@Index('IDX_control_plane_contract_definition_contract_policy', ['participantContextId', 'contractPolicyId'])
export class ContractDefinitionEntity {
  @PrimaryColumn({ name: 'participant_context_id', type: 'varchar', length: 128, primaryKeyConstraintName: 'PK_control_plane_contract_definition' })
  participantContextId: string;

  @PrimaryColumn({ name: 'id', type: 'varchar', length: 256, primaryKeyConstraintName: 'PK_control_plane_contract_definition' })
  id: string;

  @Column({ name: 'access_policy_id', type: 'varchar', length: 256 })
  accessPolicyId: string;

  @Column({ name: 'contract_policy_id', type: 'varchar', length: 256 })
  contractPolicyId: string;

  /** Criteria (ANDed) over asset id and properties; empty selects every asset of the context. */
  @Column({ name: 'assets_selector', type: 'jsonb' })
  assetsSelector: { operandLeft: string; operator: string; operandRight: unknown }[];

  @Column({ name: 'private_properties', type: 'jsonb' })
  privateProperties: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
