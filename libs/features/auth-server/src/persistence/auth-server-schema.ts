/** The Postgres schema the auth-server owns; no other service reads it. */
export const AUTH_SERVER_SCHEMA = 'auth_server';
