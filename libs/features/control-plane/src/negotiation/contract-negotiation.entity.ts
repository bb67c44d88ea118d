import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CONTROL_PLANE_SCHEMA } from '../database/control-plane.schema';
import { StateMachineColumns } from '../state-machine/state-machine-columns';

/**
 * A contract negotiation of one participant context, as consumer or provider. `id` is our pid (the consumerPid of
 * a consumer row, the providerPid of a provider row); the counter-party's pid is stored beside it. `-ING` states
 * are work for the state-machine worker (src/state-machine).
 */
@Entity({ schema: CONTROL_PLANE_SCHEMA, name: 'contract_negotiation' })
@Index('UQ_control_plane_contract_negotiation_consumer_pid', ['participantContextId', 'role', 'counterPartyId', 'consumerPid'], { unique: true })
@Index('IDX_control_plane_contract_negotiation_due', ['state', 'nextAttemptAt'])
export class ContractNegotiationEntity extends StateMachineColumns {
  @PrimaryColumn({ name: 'participant_context_id', type: 'varchar', length: 128, primaryKeyConstraintName: 'PK_control_plane_contract_negotiation' })
  participantContextId: string;

  @PrimaryColumn({ name: 'id', type: 'varchar', length: 256, primaryKeyConstraintName: 'PK_control_plane_contract_negotiation' })
  id: string;

  /** CONSUMER or PROVIDER. */
  @Column({ name: 'role', type: 'varchar', length: 16 })
  role: string;

  /** The counter-party's DID. */
  @Column({ name: 'counter_party_id', type: 'varchar', length: 512 })
  counterPartyId: string;

  /** Consumer: the provider's DSP base URL. Provider: the consumer's callbackAddress. */
  @Column({ name: 'counter_party_address', type: 'varchar', length: 2048 })
  counterPartyAddress: string;

  @Column({ name: 'protocol', type: 'varchar', length: 64 })
  protocol: string;

  @Column({ name: 'consumer_pid', type: 'varchar', length: 256 })
  consumerPid: string;

  @Column({ name: 'provider_pid', type: 'varchar', length: 256, nullable: true })
  providerPid: string | null;

  @Column({ name: 'asset_id', type: 'varchar', length: 256 })
  assetId: string;

  /** The offer (ODRL, compact) as last requested or offered; `@id` is the provider's offer id. */
  @Column({ name: 'offer', type: 'jsonb' })
  offer: Record<string, unknown>;

  /** Provider: the contract definition the offer was made from. */
  @Column({ name: 'contract_definition_id', type: 'varchar', length: 256, nullable: true })
  contractDefinitionId: string | null;

  @Column({ name: 'agreement_id', type: 'varchar', length: 256, nullable: true })
  agreementId: string | null;

  @Column({ name: 'callback_addresses', type: 'jsonb' })
  callbackAddresses: unknown[];

  /** Why the negotiation was terminated (ours or the counter-party's reason). */
  @Column({ name: 'reason', type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
