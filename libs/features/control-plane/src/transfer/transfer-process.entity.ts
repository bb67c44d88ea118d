import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CONTROL_PLANE_SCHEMA } from '../database/control-plane.schema';
import { StateMachineColumns } from '../state-machine/state-machine-columns';

/**
 * A transfer process of one participant context, as consumer or provider. `id` is our process id (the
 * consumerPid of a consumer row, the providerPid of a provider row); the counter-party's pid is stored beside it.
 * The EDR a consumer received is a secret: its token lives in the context's SecretStore, the row keeps a copy
 * without it (`contentDataAddress`).
 */
@Entity({ schema: CONTROL_PLANE_SCHEMA, name: 'transfer_process' })
@Index('UQ_control_plane_transfer_process_consumer_pid', ['participantContextId', 'role', 'counterPartyId', 'consumerPid'], { unique: true })
@Index('IDX_control_plane_transfer_process_due', ['state', 'nextAttemptAt'])
export class TransferProcessEntity extends StateMachineColumns {
  @PrimaryColumn({ name: 'participant_context_id', type: 'varchar', length: 128, primaryKeyConstraintName: 'PK_control_plane_transfer_process' })
  participantContextId: string;

  @PrimaryColumn({ name: 'id', type: 'varchar', length: 256, primaryKeyConstraintName: 'PK_control_plane_transfer_process' })
  id: string;

  /** CONSUMER or PROVIDER. */
  @Column({ name: 'role', type: 'varchar', length: 16 })
  role: string;

  @Column({ name: 'consumer_pid', type: 'varchar', length: 256 })
  consumerPid: string;

  @Column({ name: 'provider_pid', type: 'varchar', length: 256, nullable: true })
  providerPid: string | null;

  @Column({ name: 'agreement_id', type: 'varchar', length: 256 })
  agreementId: string;

  @Column({ name: 'asset_id', type: 'varchar', length: 256, nullable: true })
  assetId: string | null;

  /** The counter-party's DID. */
  @Column({ name: 'counter_party_id', type: 'varchar', length: 512 })
  counterPartyId: string;

  /** Consumer: the provider's DSP base URL. Provider: the consumer's callbackAddress. */
  @Column({ name: 'counter_party_address', type: 'varchar', length: 2048 })
  counterPartyAddress: string;

  /** `HttpData-PULL`, `HttpData-PUSH`, ... (the DSP `format`). */
  @Column({ name: 'transfer_type', type: 'varchar', length: 256 })
  transferType: string;

  /** Push destination (DSP DataAddress); endpoint properties that are secrets are SecretStore references. */
  @Column({ name: 'data_destination', type: 'jsonb', nullable: true })
  dataDestination: Record<string, unknown> | null;

  /** Provider: the data plane running the flow. */
  @Column({ name: 'data_plane_id', type: 'varchar', length: 256, nullable: true })
  dataPlaneId: string | null;

  /** Provider: the data flow's last known DPS state (STARTED, SUSPENDED, COMPLETED, TERMINATED). */
  @Column({ name: 'data_flow_state', type: 'varchar', length: 32, nullable: true })
  dataFlowState: string | null;

  /** The EDR (consumer: received; provider: issued, until sent) without its secret values. */
  @Column({ name: 'content_data_address', type: 'jsonb', nullable: true })
  contentDataAddress: Record<string, unknown> | null;

  @Column({ name: 'callback_addresses', type: 'jsonb' })
  callbackAddresses: unknown[];

  @Column({ name: 'private_properties', type: 'jsonb' })
  privateProperties: Record<string, unknown>;

  /** Why the process was suspended or terminated (ours or the counter-party's reason). */
  @Column({ name: 'reason', type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
