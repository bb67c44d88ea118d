import { Client } from 'pg';

/** Creates the service's schema (TypeORM keeps its migrations table inside it, so it must exist first). */
export async function ensureSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new Error(`invalid schema name "${schema}"`);
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (error: any) {
    // Two services starting at once may race on CREATE SCHEMA; the loser sees a unique violation.
    if (error?.code !== '23505' && error?.code !== '42P06') throw error;
  } finally {
    await client.end();
  }
}
