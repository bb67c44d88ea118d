import { ChildProcess, spawn } from 'child_process';
import * as net from 'net';
import * as path from 'path';
import { serviceTestEnv } from './service-under-test';
import { createTestDatabase, TestDatabase } from './test-database';

const ROOT = path.resolve(__dirname, '../../..');

export interface ServiceProcess {
  url: string;
  process: ChildProcess;
  database: TestDatabase;
  env: NodeJS.ProcessEnv;
  /** Recent output, for failure messages. */
  output(): string;
  /** SIGKILL: a crash, no graceful shutdown. */
  kill(): Promise<void>;
  /** SIGTERM, then drop the database (unless kept for another process sharing it). */
  stop(options?: { keepDatabase?: boolean }): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts an app's `src/main.ts` as its own node process (TypeScript through tools/run-ts.js), against the machine's
 * PostgreSQL (a fresh database, or `database` to share one between replicas) and NATS, and waits until
 * `/health/ready` answers 200. For tests that need separate processes or kill one; `port`: a fixed port (a restart
 * at the URL others know the service by), else a free one.
 */
export async function startServiceProcess(
  app: string,
  name: string,
  extraEnv: NodeJS.ProcessEnv = {},
  options: { database?: TestDatabase; port?: number; readyTimeoutMs?: number } = {},
): Promise<ServiceProcess> {
  const database = options.database ?? (await createTestDatabase(name));
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const env = serviceTestEnv(name, database.url, { PORT: String(port), PUBLIC_URL: url, OTEL_SDK_DISABLED: 'true', ...extraEnv });
  const child = spawn(process.execPath, [path.join(ROOT, 'tools/run-ts.js'), path.join(ROOT, 'apps', app, 'src/main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      if (!options.database) await database.drop();
      throw new Error(`${app} exited before it was ready:\n${output}`);
    }
    const ready = await fetch(`${url}/health/ready`).then((r) => r.status === 200, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      if (!options.database) await database.drop();
      throw new Error(`${app} not ready within the timeout:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    url,
    process: child,
    database,
    env,
    output: () => output,
    kill: async () => {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
    stop: async ({ keepDatabase } = {}) => {
      if (running()) child.kill('SIGTERM');
      await exited;
      if (!keepDatabase) await database.drop();
    },
  };
}
