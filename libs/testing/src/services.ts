import * as net from 'net';

export const TEST_PG_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

const cache = new Map<string, Promise<boolean>>();

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export type TestService = 'postgres' | 'nats';

/**
 * Whether a machine service is up. With REQUIRE_SERVICES=1 (CI) a missing service is an error,
 * so a suite that needs it fails instead of silently skipping.
 */
export async function serviceAvailable(service: TestService): Promise<boolean> {
  if (!cache.has(service)) {
    const url = new URL(service === 'postgres' ? TEST_PG_URL : TEST_NATS_URL);
    cache.set(service, reachable(url.hostname, Number(url.port || (service === 'postgres' ? 5432 : 4222))));
  }
  const ok = await cache.get(service)!;
  if (!ok && process.env.REQUIRE_SERVICES === '1') {
    throw new Error(`${service} is required (REQUIRE_SERVICES=1) but not reachable`);
  }
  return ok;
}

/**
 * `describe` that runs only when the named services are reachable (and fails under REQUIRE_SERVICES=1).
 * Checked synchronously at collection time through a child process-free TCP probe result cached by globalSetup.
 */
export function describeWithServices(services: TestService[], name: string, fn: () => void): void {
  const missing = services.filter((s) => process.env[`DSAAS_TEST_${s.toUpperCase()}_UP`] === '0');
  if (missing.length > 0 && process.env.REQUIRE_SERVICES !== '1') {
    describe.skip(`${name} (skipped: ${missing.join(', ')} not reachable)`, fn);
    return;
  }
  describe(name, fn);
}
