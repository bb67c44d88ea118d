import type { DspConfig } from '../dsp/dsp.config';

/** How a worker polls, leases and retries (from the STATE_MACHINE_* variables). */
export interface StateMachineSettings {
  pollMs: number;
  batchSize: number;
  leaseMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  /** How long shutdown waits for handlers in flight before it gives up on them (their leases expire). */
  drainMs: number;
}

export function stateMachineSettings(config: DspConfig): StateMachineSettings {
  return {
    pollMs: config.STATE_MACHINE_POLL_MS,
    batchSize: config.STATE_MACHINE_BATCH_SIZE,
    leaseMs: config.STATE_MACHINE_LEASE_MS,
    maxAttempts: config.STATE_MACHINE_MAX_ATTEMPTS,
    backoffBaseMs: config.STATE_MACHINE_BACKOFF_BASE_MS,
    drainMs: config.DSP_CALL_TIMEOUT_MS + 1000,
  };
}
