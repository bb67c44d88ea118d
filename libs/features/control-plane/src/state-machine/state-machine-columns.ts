import { Column } from 'typeorm';

/**
 * The columns every state-machine table carries (a negotiation, a transfer process): the row is the durable
 * intent, `state` says what is to be done, and the rest lets any replica claim the work safely. Entities extend
 * this class; a table that declares the columns itself (same names and types) works with the worker too.
 */
export abstract class StateMachineColumns {
  @Column({ name: 'state', type: 'varchar', length: 32 })
  state: string;

  /** Failed attempts of the current state's work (reset by every transition). */
  @Column({ name: 'attempts', type: 'int', default: 0 })
  attempts: number;

  /** When a worker may next claim the row; NULL = no work (a state that waits for the counter-party). */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  /** The replica working on the row, until `lease_expires_at` (then any replica may take it over). */
  @Column({ name: 'lease_owner', type: 'varchar', length: 128, nullable: true })
  leaseOwner: string | null;

  @Column({ name: 'lease_expires_at', type: 'timestamptz', nullable: true })
  leaseExpiresAt: Date | null;

  /** Bumped by every change: a worker applies its result only to the version it claimed. */
  @Column({ name: 'version', type: 'int', default: 0 })
  version: number;

  /** Why the last attempt failed, or why the row ended in its error state. */
  @Column({ name: 'error_detail', type: 'text', nullable: true })
  errorDetail: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** What the worker reads of a row: its key plus the state-machine columns. */
export interface StateMachineRow {
  participantContextId: string;
  id: string;
  state: string;
  attempts: number;
  leaseOwner: string | null;
  version: number;
}

/**
 * The state-machine columns of a transition to `to` (`work`: whether `to` is a state a worker acts on): attempts
 * reset, due now or never, lease released, version bumped. Repositories spread this into their UPDATE.
 */
export function transitionColumns(to: string, work: boolean, now: Date): Record<string, unknown> {
  return {
    state: to,
    attempts: 0,
    nextAttemptAt: work ? now : null,
    leaseOwner: null,
    leaseExpiresAt: null,
    version: () => 'version + 1',
    updatedAt: now,
  };
}
