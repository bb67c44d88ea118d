import { DataSource } from 'typeorm';
import { JtiReplayStore } from './jti-replay-store';
import { usedTokenTable } from './used-token-table';

export interface PostgresJtiReplayStoreOptions {
  /** Expired rows are deleted at most this often per store (default 60 s; 0 = before every check). */
  pruneIntervalMs?: number;
  now?: () => number;
}

/**
 * JtiReplayStore on the used_token table of a service's data source (UsedTokenEntity +
 * CreateUsedTokenTable1767500000000): one INSERT decides, so the same token presented to two replicas at once is
 * accepted by exactly one of them.
 */
export class PostgresJtiReplayStore implements JtiReplayStore {
  private readonly table: string;
  private readonly pruneIntervalMs: number;
  private readonly now: () => number;
  private lastPrune = Number.NEGATIVE_INFINITY;
  private pruning?: Promise<unknown>;

  constructor(private readonly dataSource: DataSource, options: PostgresJtiReplayStoreOptions = {}) {
    this.table = usedTokenTable(dataSource);
    this.pruneIntervalMs = Math.max(0, options.pruneIntervalMs ?? 60_000);
    this.now = options.now ?? Date.now;
  }

  async checkAndRemember(issuer: string, jti: string, expiresAt: Date): Promise<boolean> {
    await this.pruneWhenDue();
    // An expired row may be taken over (it may not have been pruned yet): the token it stood for is refused as
    // expired before it gets here, so only a new token with the same id can reach this.
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO ${this.table} ("issuer", "jti", "expires_at") VALUES ($1, $2, $3)
       ON CONFLICT ("issuer", "jti") DO UPDATE SET "expires_at" = EXCLUDED."expires_at" WHERE ${this.table}."expires_at" < now()
       RETURNING "jti"`,
      [issuer, jti, expiresAt],
    );
    return rows.length > 0;
  }

  /** Deletes the rows of tokens that have expired; returns how many. Also runs by itself every `pruneIntervalMs`. */
  async pruneExpired(): Promise<number> {
    const [, affected] = (await this.dataSource.query(`DELETE FROM ${this.table} WHERE "expires_at" < now()`)) as [unknown, number];
    return affected ?? 0;
  }

  /** Cheap (indexed) and at most once per interval per replica, so no scheduler is needed. One prune at a time. */
  private async pruneWhenDue(): Promise<void> {
    const now = this.now();
    if (this.pruning || now - this.lastPrune < this.pruneIntervalMs) return;
    this.lastPrune = now;
    this.pruning = this.pruneExpired();
    try {
      await this.pruning;
    } finally {
      this.pruning = undefined;
    }
  }
}
