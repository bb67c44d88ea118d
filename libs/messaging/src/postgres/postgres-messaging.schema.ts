import { PoolClient } from 'pg';

/**
 * The Postgres adapter's tables, as ordered migrations applied once each (recorded in `schema_version`)
 * under an advisory lock, so replicas starting together are safe. Never `synchronize`.
 */
const MIGRATIONS: Array<{ version: number; sql: (schema: string) => string }> = [
  {
    version: 1,
    sql: (s) => `
      CREATE TABLE "${s}".messages (
        seq bigserial PRIMARY KEY,
        message_id text NOT NULL UNIQUE,
        subject text NOT NULL,
        key text,
        payload jsonb NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX messages_created_at ON "${s}".messages (created_at);
      CREATE TABLE "${s}".consumers (
        name text PRIMARY KEY,
        subject_pattern text NOT NULL,
        subject_regex text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE "${s}".deliveries (
        consumer text NOT NULL REFERENCES "${s}".consumers (name) ON DELETE CASCADE,
        message_seq bigint NOT NULL REFERENCES "${s}".messages (seq) ON DELETE CASCADE,
        key text,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'acked', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        lock_token uuid,
        last_error text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, message_seq)
      );
      CREATE INDEX deliveries_pending ON "${s}".deliveries (consumer, message_seq) WHERE status = 'pending';
      CREATE INDEX deliveries_pending_key ON "${s}".deliveries (consumer, key, message_seq)
        WHERE status = 'pending' AND key IS NOT NULL;
      CREATE INDEX deliveries_message ON "${s}".deliveries (message_seq);
    `,
  },
];

export function assertSchemaName(schema: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
}

export async function migrateMessagingSchema(client: PoolClient, schema: string): Promise<void> {
  assertSchemaName(schema);
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`dsaas-messaging-migrate:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${schema}".schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query(`SELECT version FROM "${schema}".schema_version`);
    const applied = new Set(rows.map((r) => r.version));
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql(schema));
      await client.query(`INSERT INTO "${schema}".schema_version (version) VALUES ($1)`, [migration.version]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
