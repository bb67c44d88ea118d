import type { EntityManager, EntityTarget } from 'typeorm';
import type { StateMachineRow } from './state-machine-columns';

/** What a handler decided for a leased row: the next state and the other columns that change with it. */
export interface StateMachineStep<S extends string = string, C = Record<string, unknown>> {
  to: S;
  changes?: C;
}

/**
 * One state machine (negotiations, transfer processes) as the worker drives it. The worker owns claiming,
 * leases, retries and the lease/version check; the machine owns what a state means and how a transition is
 * written (columns + outbox event, in the transaction the worker opens).
 */
export interface StateMachine<R extends StateMachineRow, S extends string = string, C = Record<string, unknown>> {
  /** For logs and metrics, e.g. `contract-negotiation`. */
  readonly name: string;
  /** The table's entity (primary key `(participant_context_id, id)` plus the StateMachineColumns). */
  readonly entity: EntityTarget<R>;
  /** States a worker acts on: rows in them with `next_attempt_at <= now()` are claimed. */
  readonly workStates: readonly S[];
  /** Does the state's work (send the DSP message, ...) outside any transaction; undefined = nothing to do. */
  handle(row: R): Promise<StateMachineStep<S, C> | undefined>;
  /**
   * Writes the step to `row` (locked, lease verified) with `manager`: the columns, `transitionColumns(...)` and the
   * outbox event of the change, all in the worker's transaction.
   */
  apply(manager: EntityManager, row: R, step: StateMachineStep<S, C>): Promise<void>;
  /** The step for a row whose work failed for good (refused, or attempts exhausted), e.g. TERMINATED with the reason. */
  failed(row: R, reason: string): StateMachineStep<S, C>;
}
