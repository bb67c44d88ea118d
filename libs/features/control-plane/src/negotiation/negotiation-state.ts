/** Contract negotiation states (EDC's names). `-ING` states are work for the state-machine worker. */
export enum NegotiationState {
  INITIAL = 'INITIAL',
  REQUESTING = 'REQUESTING',
  REQUESTED = 'REQUESTED',
  OFFERING = 'OFFERING',
  OFFERED = 'OFFERED',
  ACCEPTING = 'ACCEPTING',
  ACCEPTED = 'ACCEPTED',
  AGREEING = 'AGREEING',
  AGREED = 'AGREED',
  VERIFYING = 'VERIFYING',
  VERIFIED = 'VERIFIED',
  FINALIZING = 'FINALIZING',
  FINALIZED = 'FINALIZED',
  TERMINATING = 'TERMINATING',
  TERMINATED = 'TERMINATED',
}

export type NegotiationRole = 'CONSUMER' | 'PROVIDER';

const S = NegotiationState;

export const FINAL_NEGOTIATION_STATES: readonly NegotiationState[] = [S.FINALIZED, S.TERMINATED];

/**
 * States with work for the worker, per role. Besides the `-ING` states (a message to send): a provider's
 * REQUESTED/ACCEPTED (make the agreement) and VERIFIED (finalize), a consumer's AGREED (verify).
 */
const WORK: Record<NegotiationRole, readonly NegotiationState[]> = {
  CONSUMER: [S.REQUESTING, S.ACCEPTING, S.AGREED, S.VERIFYING, S.TERMINATING],
  PROVIDER: [S.REQUESTED, S.ACCEPTED, S.AGREEING, S.VERIFIED, S.FINALIZING, S.TERMINATING],
};

export const NEGOTIATION_WORK_STATES: readonly NegotiationState[] = [...new Set([...WORK.CONSUMER, ...WORK.PROVIDER])];

export function isNegotiationWorkState(role: NegotiationRole, state: NegotiationState): boolean {
  return WORK[role].includes(state);
}

/** The DSP state a counter-party sees: our internal step towards it counts as the state reached. */
export function dspNegotiationState(state: NegotiationState): string {
  switch (state) {
    case S.INITIAL:
    case S.REQUESTING:
    case S.REQUESTED:
      return 'REQUESTED';
    case S.OFFERING:
    case S.OFFERED:
      return 'OFFERED';
    case S.ACCEPTING:
    case S.ACCEPTED:
      return 'ACCEPTED';
    case S.AGREEING:
      return 'REQUESTED';
    case S.AGREED:
    case S.VERIFYING:
      return 'AGREED';
    case S.VERIFIED:
    case S.FINALIZING:
      return 'VERIFIED';
    case S.FINALIZED:
      return 'FINALIZED';
    default:
      return 'TERMINATED';
  }
}
