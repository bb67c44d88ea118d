/** The identity-hub's own Postgres schema; no other service reads it. */
export const IDENTITY_HUB_SCHEMA = 'identity_hub';
