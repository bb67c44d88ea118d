/** The data-plane's own Postgres schema; no other service reads it. */
export const DATA_PLANE_SCHEMA = 'data_plane';
