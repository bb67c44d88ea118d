/** The control-plane callbacks of DPS (`POST /transfers/{id}/dataflow/{event}`). */
export const DATA_FLOW_EVENTS = ['prepared', 'started', 'completed', 'errored'] as const;
export type DataFlowEvent = (typeof DATA_FLOW_EVENTS)[number];

/** Scope a data plane's token needs for the callbacks (and the control plane's token at the data plane). */
export const SIGNALING_WRITE_SCOPE = 'signaling-api:write';
