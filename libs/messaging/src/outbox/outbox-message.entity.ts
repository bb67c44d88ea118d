import { Column, CreateDateColumn, Entity, Generated, Index, PrimaryColumn } from 'typeorm';

/**
 * A message waiting to be published, written in the same transaction as the state change it announces.
 * Any service adds this entity and `CreateOutboxTable1764000000000` to its data source: the table then
 * lives in that service's own schema.
 */
@Entity({ name: 'outbox' })
@Index('outbox_unsent', ['position'], { where: 'sent_at IS NULL' })
export class OutboxMessageEntity {
  /** Also the bus message id, so a row published twice (relay crash, two relays) is deduplicated. */
  @PrimaryColumn('uuid')
  id: string;

  /** Commit order, for per-key ordering (created_at ties inside one transaction). */
  @Column('bigint')
  @Generated('increment')
  position: string;

  @Column('text')
  subject: string;

  @Column('text', { nullable: true })
  key: string | null;

  @Column('jsonb')
  payload: unknown;

  @Column('jsonb', { default: () => "'{}'" })
  headers: Record<string, string>;

  @Column('integer', { default: 0 })
  attempts: number;

  @Column('timestamptz', { name: 'next_attempt_at', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column('timestamptz', { name: 'locked_until', nullable: true })
  lockedUntil: Date | null;

  @Column('uuid', { name: 'lock_token', nullable: true })
  lockToken: string | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt: Date | null;
}
