import type { INestApplication } from '@nestjs/common';
import { connect } from 'nats';
import { createTestDatabase, TestDatabase, uniqueStreamPrefix } from './test-database';
import { TEST_NATS_URL } from './services';

export interface ServiceUnderTest {
  app: INestApplication;
  url: string;
  database: TestDatabase;
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/** The environment a service gets in tests: the machine's PostgreSQL and NATS, its own stream prefix, fixed test keys. */
export function serviceTestEnv(name: string, databaseUrl: string, extraEnv: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    EVENT_BUS: 'nats',
    NATS_URL: TEST_NATS_URL,
    EVENT_BUS_PREFIX: uniqueStreamPrefix(name),
    SECRETS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    AUTH_KEY_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
}

/**
 * Starts a service the way its app does, against the machine's PostgreSQL (a fresh database) and NATS
 * (its own stream prefix), on a free port.
 */
export async function startServiceForTest(
  start: (env: NodeJS.ProcessEnv) => Promise<INestApplication>,
  name: string,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<ServiceUnderTest> {
  const database = await createTestDatabase(name);
  const env = serviceTestEnv(name, database.url, { PORT: '0', ...extraEnv });
  let app: INestApplication;
  try {
    app = await start(env);
  } catch (error) {
    await database.drop();
    throw error;
  }
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    url,
    database,
    env,
    stop: async () => {
      await app.close();
      await database.drop();
      if (env.EVENT_BUS === 'nats') await deleteTestStream(env.NATS_URL!, env.EVENT_BUS_PREFIX!);
    },
  };
}

/** Removes the stream a test's services created (named like JetStreamEventBus.streamNameFor), so test runs leave nothing behind in the machine's NATS. */
async function deleteTestStream(servers: string, prefix: string): Promise<void> {
  const nc = await connect({ servers });
  try {
    const jsm = await nc.jetstreamManager();
    await jsm.streams.delete(prefix.replace(/[^A-Za-z0-9_-]/g, '_')).catch(() => undefined);
  } finally {
    await nc.close();
  }
}
