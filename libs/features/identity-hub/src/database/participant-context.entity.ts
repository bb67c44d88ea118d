import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IDENTITY_HUB_SCHEMA } from './identity-hub.schema';

/** A hosted participant's credential-service context: its DID, DID document state and extra services. */
@Entity({ schema: IDENTITY_HUB_SCHEMA, name: 'participant_context' })
export class ParticipantContextEntity {
  @PrimaryColumn({ name: 'participant_context_id', type: 'varchar', length: 128, primaryKeyConstraintName: 'PK_identity_hub_participant_context' })
  participantContextId: string;

  @Index('UQ_identity_hub_participant_context_did', { unique: true })
  @Column({ name: 'did', type: 'varchar', length: 512 })
  did: string;

  @Column({ name: 'dsp_endpoint', type: 'varchar', length: 2048, nullable: true })
  dspEndpoint: string | null;

  /** `active` or `deactivated` (DID document no longer served, presentations refused). */
  @Column({ name: 'state', type: 'varchar', length: 16 })
  state: string;

  @Column({ name: 'did_published', type: 'boolean' })
  didPublished: boolean;

  /** Service endpoints added through the identity API, besides the CredentialService/ProtocolEndpoint ones. */
  @Column({ name: 'extra_services', type: 'jsonb' })
  extraServices: { id: string; type: string; serviceEndpoint: string }[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
