export interface JtiReplayCacheOptions {
  /** Bound on remembered ids; when full, expired ids go first, then the oldest. Default 100 000. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * Remembers token ids until their token expires, so a captured token cannot be replayed.
 * In-process only: replicas behind a load balancer each keep their own (documented in the README).
 */
export class JtiReplayCache {
  private readonly entries = new Map<string, number>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: JtiReplayCacheOptions = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? 100_000);
    this.now = options.now ?? Date.now;
  }

  /**
   * True the first time a jti is seen (and remembers it until `expiresAt`), false for a replay.
   * `expiresAt` is epoch milliseconds; a value in epoch seconds (a JWT `exp`) is recognised and converted.
   */
  checkAndRemember(jti: string, expiresAt: number): boolean {
    const now = this.now();
    const expiresAtMs = expiresAt < 100_000_000_000 ? expiresAt * 1000 : expiresAt;
    const known = this.entries.get(jti);
    if (known !== undefined && known > now) return false;
    this.entries.delete(jti);
    if (this.entries.size >= this.maxEntries) this.evict(now);
    this.entries.set(jti, expiresAtMs);
    return true;
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(now: number): void {
    for (const [jti, expiresAt] of this.entries) {
      if (expiresAt <= now) this.entries.delete(jti);
    }
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
