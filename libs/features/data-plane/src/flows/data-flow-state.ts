/** DPS data flow states (v1.0-RC3 DataFlowStatusMessage.state). */
export const DATA_FLOW_STATES = ['INITIALIZED', 'PREPARING', 'PREPARED', 'STARTING', 'STARTED', 'COMPLETED', 'SUSPENDED', 'TERMINATED'] as const;
export type DataFlowState = (typeof DATA_FLOW_STATES)[number];

/** States a flow never leaves. */
export function isFinal(state: DataFlowState): boolean {
  return state === 'COMPLETED' || state === 'TERMINATED';
}
