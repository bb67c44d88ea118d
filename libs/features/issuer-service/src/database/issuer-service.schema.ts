/** The issuer-service's own Postgres schema; no other service reads it. */
export const ISSUER_SERVICE_SCHEMA = 'issuer_service';
