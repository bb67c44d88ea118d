import { JtiReplayCache, JtiReplayCacheOptions } from './jti-replay-cache';
import { JtiReplayStore } from './jti-replay-store';

/**
 * The JtiReplayStore of one process (a bounded JtiReplayCache). Enough for a single replica and for unit tests;
 * with several replicas use PostgresJtiReplayStore.
 */
export class InMemoryJtiReplayStore implements JtiReplayStore {
  private readonly cache: JtiReplayCache;

  constructor(options: JtiReplayCacheOptions = {}) {
    this.cache = new JtiReplayCache(options);
  }

  async checkAndRemember(issuer: string, jti: string, expiresAt: Date): Promise<boolean> {
    // Keyed by issuer too: two participants may pick the same jti without replaying each other's tokens.
    return this.cache.checkAndRemember(`${issuer}\u0000${jti}`, expiresAt.getTime());
  }

  get size(): number {
    return this.cache.size;
  }
}
