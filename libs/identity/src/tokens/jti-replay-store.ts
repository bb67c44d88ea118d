/**
 * Remembers which self-issued token ids were accepted, so a captured token cannot be used twice.
 * `checkAndRemember` must be atomic: when two callers (or two replicas) present the same (issuer, jti) at once,
 * exactly one gets `true`.
 */
export interface JtiReplayStore {
  /** True the first time (issuer, jti) is seen (remembered until `expiresAt`), false for a replay. */
  checkAndRemember(issuer: string, jti: string, expiresAt: Date): Promise<boolean>;
}

/** Nest-free injection token, for services that provide a JtiReplayStore through DI. */
export const JTI_REPLAY_STORE = Symbol.for('dsaas.identity.JtiReplayStore');
