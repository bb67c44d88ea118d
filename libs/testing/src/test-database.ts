import { randomBytes } from 'crypto';
import { Client } from 'pg';
import { TEST_PG_URL } from './services';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database on the machine's PostgreSQL for one test file. */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const safePrefix = prefix.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 30);
  const name = `dsaas_${safePrefix}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** A unique prefix for NATS stream and subject names, so test files never share streams. */
export function uniqueStreamPrefix(prefix = 'T'): string {
  return `${prefix.replace(/[^A-Za-z0-9]/g, '_')}_${randomBytes(4).toString('hex').toUpperCase()}`;
}
