/** The control-plane's own Postgres schema; no other service reads it. */
export const CONTROL_PLANE_SCHEMA = 'control_plane';
