/**
 * States of a transfer process (EDC's names). `-ING` states are the durable intent to do something (send a DSP
 * message, signal the data plane) and are processed by the state-machine workers; `*_REQUESTED` states were
 * asked for by the counter-party, so only our data plane is signalled, no DSP message goes back.
 */
export const TransferState = {
  /** Consumer: TransferRequestMessage to send. */
  REQUESTING: 'REQUESTING',
  /** Consumer: request acknowledged, waiting for the provider's start. Provider: request accepted, data flow to start. */
  REQUESTED: 'REQUESTED',
  /** Provider: the data plane answered STARTING; waiting for its `started` callback. */
  STARTUP_REQUESTED: 'STARTUP_REQUESTED',
  /** Provider: data flow started, TransferStartMessage (with the EDR for pull) to send. */
  STARTING: 'STARTING',
  STARTED: 'STARTED',
  /** Consumer: TransferStartMessage (resume) to send to the provider. Provider: data flow to resume. */
  RESUMING: 'RESUMING',
  /** Consumer: resume sent, waiting for the provider's start. */
  RESUME_REQUESTED: 'RESUME_REQUESTED',
  SUSPENDING: 'SUSPENDING',
  SUSPENDING_REQUESTED: 'SUSPENDING_REQUESTED',
  SUSPENDED: 'SUSPENDED',
  COMPLETING: 'COMPLETING',
  COMPLETING_REQUESTED: 'COMPLETING_REQUESTED',
  COMPLETED: 'COMPLETED',
  TERMINATING: 'TERMINATING',
  TERMINATING_REQUESTED: 'TERMINATING_REQUESTED',
  TERMINATED: 'TERMINATED',
} as const;
export type TransferState = (typeof TransferState)[keyof typeof TransferState];

export const TRANSFER_STATES = Object.values(TransferState) as TransferState[];

export type TransferRole = 'CONSUMER' | 'PROVIDER';

/** States nothing leaves. */
export const FINAL_TRANSFER_STATES: readonly TransferState[] = [TransferState.COMPLETED, TransferState.TERMINATED];

/** States a worker acts on (the rest wait for a message or a callback). */
export const ACTIVE_TRANSFER_STATES: readonly TransferState[] = [
  TransferState.REQUESTING,
  TransferState.STARTING,
  TransferState.RESUMING,
  TransferState.SUSPENDING,
  TransferState.SUSPENDING_REQUESTED,
  TransferState.COMPLETING,
  TransferState.COMPLETING_REQUESTED,
  TransferState.TERMINATING,
  TransferState.TERMINATING_REQUESTED,
];

/** Provider REQUESTED also has work to do (start the data flow); a consumer's REQUESTED waits. */
export function isWorkerState(role: TransferRole, state: TransferState): boolean {
  return ACTIVE_TRANSFER_STATES.includes(state) || (role === 'PROVIDER' && state === TransferState.REQUESTED);
}

export type DspTransferState = 'REQUESTED' | 'STARTED' | 'TERMINATED' | 'COMPLETED' | 'SUSPENDED';

/**
 * The state a counter-party sees (TransferProcess message): the DSP state the process is in or moving out of.
 * A transition in flight still shows the state the counter-party was last told.
 */
export function dspStateOf(state: TransferState): DspTransferState {
  switch (state) {
    case TransferState.STARTED:
    case TransferState.SUSPENDING:
    case TransferState.SUSPENDING_REQUESTED:
    case TransferState.COMPLETING:
    case TransferState.COMPLETING_REQUESTED:
      return 'STARTED';
    case TransferState.SUSPENDED:
    case TransferState.RESUMING:
    case TransferState.RESUME_REQUESTED:
      return 'SUSPENDED';
    case TransferState.COMPLETED:
      return 'COMPLETED';
    case TransferState.TERMINATED:
      return 'TERMINATED';
    default:
      return 'REQUESTED';
  }
}
