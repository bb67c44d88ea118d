import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IDENTITY_HUB_SCHEMA } from './identity-hub.schema';

/** A CredentialOfferMessage an issuer sent to this holder. */
@Entity({ schema: IDENTITY_HUB_SCHEMA, name: 'credential_offer' })
@Index('IDX_identity_hub_credential_offer_context', ['participantContextId'])
export class CredentialOfferEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid', primaryKeyConstraintName: 'PK_identity_hub_credential_offer' })
  id: string;

  @Column({ name: 'participant_context_id', type: 'varchar', length: 128 })
  participantContextId: string;

  /** The offering issuer's DID (the verified token's `iss`). */
  @Column({ name: 'issuer', type: 'varchar', length: 512 })
  issuer: string;

  /** The offered CredentialObjects, as received. */
  @Column({ name: 'credentials', type: 'jsonb' })
  credentials: Record<string, any>[];

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
