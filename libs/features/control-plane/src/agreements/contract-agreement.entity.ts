import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CONTROL_PLANE_SCHEMA } from '../database/control-plane.schema';

/**
 * A contract agreement as one participant context holds it (provider and consumer each keep their copy, under the
 * same agreement id). `policy` is the agreement's ODRL policy (compact, with `@id`, assigner, assignee, target).
 */
@Entity({ schema: CONTROL_PLANE_SCHEMA, name: 'contract_agreement' })
@Index('IDX_control_plane_contract_agreement_asset', ['participantContextId', 'assetId'])
export class ContractAgreementEntity {
  @PrimaryColumn({ name: 'participant_context_id', type: 'varchar', length: 128, primaryKeyConstraintName: 'PK_control_plane_contract_agreement' })
  participantContextId: string;

  @PrimaryColumn({ name: 'id', type: 'varchar', length: 256, primaryKeyConstraintName: 'PK_control_plane_contract_agreement' })
  id: string;

  /** Our negotiation (our pid) that produced it. */
  @Column({ name: 'negotiation_id', type: 'varchar', length: 256 })
  negotiationId: string;

  /** The provider's DID (the policy's assigner). */
  @Column({ name: 'provider_id', type: 'varchar', length: 512 })
  providerId: string;

  /** The consumer's DID (the policy's assignee). */
  @Column({ name: 'consumer_id', type: 'varchar', length: 512 })
  consumerId: string;

  @Column({ name: 'asset_id', type: 'varchar', length: 256 })
  assetId: string;

  @Column({ name: 'policy', type: 'jsonb' })
  policy: Record<string, unknown>;

  @Column({ name: 'signing_date', type: 'timestamptz' })
  signingDate: Date;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
