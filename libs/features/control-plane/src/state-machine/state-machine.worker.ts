import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { backoffDelayMs } from './backoff';
import { REPLICA_ID } from './replica-id';
import { isRetryable, reasonOf } from './retry-decision';
import type { StateMachine, StateMachineStep } from './state-machine';
import type { StateMachineRow } from './state-machine-columns';
import { stateMachineMetrics } from './state-machine-metrics';
import type { StateMachineSettings } from './state-machine-settings';

interface Claimed {
  participantContextId: string;
  id: string;
  version: number;
}

let workerCount = 0;

/** What became of one claimed row (tests and metrics read it). */
export type WorkOutcome = 'transitioned' | 'retry' | 'failed' | 'idle' | 'lease-lost';

/**
 * Runs one state machine on one replica. Each round claims up to `batchSize` due rows in the machine's work
 * states (`FOR UPDATE SKIP LOCKED` + a lease, one short statement), runs their handlers outside any transaction,
 * then applies each result in a transaction that first checks the row still carries our lease and the version we
 * claimed (a counter-party message or another replica may have moved it meanwhile: then the result is dropped).
 * Rows of a dead replica are claimed again once its leases expire.
 */
export class StateMachineWorker<R extends StateMachineRow> {
  private readonly logger: Logger;
  private readonly inFlight = new Map<string, Promise<WorkOutcome>>();
  private readonly renewals = new Set<NodeJS.Timeout>();
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  private again = false;
  private stopped = true;
  /** Called with every outcome (tests observe the worker with it). */
  onOutcome?: (row: Claimed, outcome: WorkOutcome) => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly machine: StateMachine<R, string, any>,
    private readonly settings: StateMachineSettings,
    // One owner name per worker, not per process: two apps in one process (tests, the all-in-one platform) are two replicas.
    readonly replicaId: string = `${REPLICA_ID}-${++workerCount}`,
  ) {
    this.logger = new Logger(`StateMachine:${machine.name}`);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    stateMachineMetrics.addBacklogSource(this.machine.name, this.backlog);
    this.nudge();
  }

  /** Looks for work now instead of at the next poll (after a local change made a row due). */
  nudge(): void {
    if (this.stopped) return;
    if (this.round) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.round = this.runRounds().finally(() => {
      this.round = undefined;
      this.schedule();
    });
  }

  /** Stops claiming and waits (up to `drainMs`) for the handlers in flight; unfinished leases simply expire. */
  async stop(drainMs = this.settings.drainMs): Promise<void> {
    this.stopped = true;
    stateMachineMetrics.removeBacklogSource(this.machine.name, this.backlog);
    clearTimeout(this.timer);
    const drained = Promise.allSettled([this.round, ...this.inFlight.values()]);
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([drained, new Promise((resolve) => (timeout = setTimeout(resolve, drainMs)))]);
    clearTimeout(timeout);
    // Handlers still running are given up: their leases expire and another replica takes the rows over.
    for (const renewal of this.renewals) clearInterval(renewal);
    this.renewals.clear();
  }

  /** Rows being worked on by this replica now. */
  get busy(): number {
    return this.inFlight.size;
  }

  private schedule(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.nudge(), this.again ? 0 : this.settings.pollMs);
    this.again = false;
  }

  private async runRounds(): Promise<void> {
    do {
      this.again = false;
      const free = this.settings.batchSize - this.inFlight.size;
      if (free <= 0) return;
      let claimed: Claimed[];
      try {
        claimed = await this.claim(free);
      } catch (error) {
        if (!this.stopped) this.logger.warn({ detail: reasonOf(error) }, 'claiming due rows failed');
        return;
      }
      for (const row of claimed) this.launch(row);
      // A full batch suggests more is due: claim again right away (as far as capacity allows).
      if (claimed.length === free) this.again = true;
    } while (this.again && !this.stopped);
  }

  private launch(row: Claimed): void {
    const key = `${row.participantContextId}\u0000${row.id}`;
    const work = this.work(row)
      .catch((error) => {
        this.logger.error({ participantContextId: row.participantContextId, id: row.id, detail: reasonOf(error) }, 'state-machine work failed unexpectedly');
        return 'lease-lost' as WorkOutcome;
      })
      .then((outcome) => {
        this.inFlight.delete(key);
        stateMachineMetrics.worked(this.machine.name, outcome);
        this.onOutcome?.(row, outcome);
        // Capacity freed, and a transition may have made the row due again in its next state.
        if (outcome === 'transitioned' || outcome === 'failed') this.nudge();
        return outcome;
      });
    this.inFlight.set(key, work);
  }

  /** Due rows nobody holds (the backlog gauge). */
  private readonly backlog = async (): Promise<number> => {
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM ${this.table()} WHERE state = ANY($1) AND next_attempt_at <= now() AND (lease_expires_at IS NULL OR lease_expires_at < now())`,
      [this.machine.workStates],
    );
    return Number(count);
  };

  private table(): string {
    const metadata = this.dataSource.getMetadata(this.machine.entity);
    return metadata.schema ? `"${metadata.schema}"."${metadata.tableName}"` : `"${metadata.tableName}"`;
  }

  /** One statement: lock due rows nobody holds (skipping rows others are locking) and lease them to us. */
  private async claim(limit: number): Promise<Claimed[]> {
    const table = this.table();
    const result = await this.dataSource.query(
      `WITH due AS (
         SELECT participant_context_id, id FROM ${table}
         WHERE state = ANY($1) AND next_attempt_at <= now() AND (lease_expires_at IS NULL OR lease_expires_at < now())
         ORDER BY next_attempt_at
         LIMIT $2
         FOR UPDATE SKIP LOCKED)
       UPDATE ${table} t SET lease_owner = $3, lease_expires_at = now() + ($4::double precision * interval '1 millisecond')
       FROM due WHERE t.participant_context_id = due.participant_context_id AND t.id = due.id
       RETURNING t.participant_context_id, t.id, t.version`,
      [this.machine.workStates, limit, this.replicaId, this.settings.leaseMs],
    );
    // TypeORM answers an UPDATE ... RETURNING with [rows, affected count].
    const rows: { participant_context_id: string; id: string; version: number }[] = Array.isArray(result[0]) ? result[0] : result;
    return rows.map((row) => ({ participantContextId: row.participant_context_id, id: row.id, version: Number(row.version) }));
  }

  private async work(claimed: Claimed): Promise<WorkOutcome> {
    const repository = this.dataSource.getRepository<R>(this.machine.entity);
    const row = await repository.findOneBy({ participantContextId: claimed.participantContextId, id: claimed.id } as never);
    if (!row || !this.holds(row, claimed)) return 'lease-lost';
    let step: StateMachineStep | undefined;
    const renewal = this.keepLease(claimed);
    const started = process.hrtime.bigint();
    try {
      step = await this.machine.handle(row);
    } catch (error) {
      return this.afterError(claimed, row, error);
    } finally {
      clearInterval(renewal);
      this.renewals.delete(renewal);
      stateMachineMetrics.handled(this.machine.name, Number(process.hrtime.bigint() - started) / 1e9);
    }
    if (!step) return this.release(claimed, 'idle');
    return this.finish(claimed, step, 'transitioned');
  }

  /**
   * Extends the lease while a handler runs longer than a third of it (slow counter-party, several calls), so a live
   * replica keeps its row; a dead one stops renewing and its lease expires.
   */
  private keepLease(claimed: Claimed): NodeJS.Timeout {
    const timer = setInterval(() => {
      this.dataSource
        .query(
          `UPDATE ${this.table()} SET lease_expires_at = now() + ($5::double precision * interval '1 millisecond')
           WHERE participant_context_id = $1 AND id = $2 AND lease_owner = $3 AND version = $4`,
          [claimed.participantContextId, claimed.id, this.replicaId, claimed.version, this.settings.leaseMs],
        )
        .catch((error) => this.logger.warn({ participantContextId: claimed.participantContextId, id: claimed.id, detail: reasonOf(error) }, 'lease renewal failed'));
    }, Math.max(50, Math.floor(this.settings.leaseMs / 3)));
    timer.unref();
    this.renewals.add(timer);
    return timer;
  }

  private holds(row: StateMachineRow, claimed: Claimed): boolean {
    return row.leaseOwner === this.replicaId && Number(row.version) === claimed.version;
  }

  private async afterError(claimed: Claimed, row: R, error: unknown): Promise<WorkOutcome> {
    const reason = reasonOf(error);
    const attempts = row.attempts + 1;
    const log = { participantContextId: row.participantContextId, id: row.id, state: row.state, attempts, detail: reason };
    if (!isRetryable(error) || attempts >= this.settings.maxAttempts) {
      this.logger.warn(log, isRetryable(error) ? 'attempts exhausted: the row goes to its error state' : 'refused: the row goes to its error state');
      return this.finish(claimed, this.machine.failed(row, reason), 'failed', reason);
    }
    this.logger.warn(log, 'attempt failed, will retry');
    const delay = backoffDelayMs(attempts, this.settings.backoffBaseMs);
    return this.withLease(claimed, 'retry', async (manager) => {
      await manager.query(
        `UPDATE ${this.table()} SET attempts = $3, next_attempt_at = now() + ($4::double precision * interval '1 millisecond'),
           error_detail = $5, lease_owner = NULL, lease_expires_at = NULL, version = version + 1, updated_at = now()
         WHERE participant_context_id = $1 AND id = $2`,
        [claimed.participantContextId, claimed.id, attempts, delay, reason],
      );
    });
  }

  /** Nothing to do in this state (until a transition makes the row due again): release it. */
  private release(claimed: Claimed, outcome: WorkOutcome): Promise<WorkOutcome> {
    return this.withLease(claimed, outcome, async (manager) => {
      await manager.query(`UPDATE ${this.table()} SET next_attempt_at = NULL, lease_owner = NULL, lease_expires_at = NULL WHERE participant_context_id = $1 AND id = $2`, [
        claimed.participantContextId,
        claimed.id,
      ]);
    });
  }

  private finish(claimed: Claimed, step: StateMachineStep, outcome: WorkOutcome, errorDetail?: string): Promise<WorkOutcome> {
    return this.withLease(claimed, outcome, async (manager, row) => {
      await this.machine.apply(manager, row, step);
      // Whatever the machine wrote, the lease is over; a failure keeps its reason.
      await manager.query(
        `UPDATE ${this.table()} SET lease_owner = NULL, lease_expires_at = NULL${errorDetail ? ', error_detail = $3' : ''} WHERE participant_context_id = $1 AND id = $2`,
        errorDetail ? [claimed.participantContextId, claimed.id, errorDetail] : [claimed.participantContextId, claimed.id],
      );
    });
  }

  /** Runs `write` in a transaction on the row locked, only if it still carries our lease and claimed version. */
  private async withLease(claimed: Claimed, outcome: WorkOutcome, write: (manager: EntityManager, row: R) => Promise<void>): Promise<WorkOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager
        .getRepository<R>(this.machine.entity)
        .find({ where: { participantContextId: claimed.participantContextId, id: claimed.id } as never, lock: { mode: 'pessimistic_write' } });
      if (!row || !this.holds(row, claimed)) {
        this.logger.log({ participantContextId: claimed.participantContextId, id: claimed.id }, 'lease lost: the result of this attempt is dropped');
        return 'lease-lost' as WorkOutcome;
      }
      await write(manager, row);
      return outcome;
    });
  }
}
