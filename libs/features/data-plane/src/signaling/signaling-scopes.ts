/** Scopes of the DPS signaling API (the control plane's service client, or an edge data plane's owner). */
export const SIGNALING_WRITE_SCOPE = 'signaling-api:write';
export const SIGNALING_READ_SCOPE = 'signaling-api:read';
