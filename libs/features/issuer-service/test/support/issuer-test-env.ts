import { createServer } from 'net';
import { AddressInfo } from 'net';
import { authServerService } from '@dsaas/feature-auth-server';
import { startService } from '@dsaas/server';
import { ServiceUnderTest, startServiceForTest } from '@dsaas/testing';
import { issuerServiceService } from '../../src';

const AUTH_ISSUER = 'http://auth.issuer-test';
const ADMIN = { id: 'operator', secret: 'operator-secret-0123456789' };

export interface IssuerTestEnv {
  auth: ServiceUnderTest;
  issuer: ServiceUnderTest;
  /** An access token from the auth-server for a new client with these claims. */
  token(client: { role: 'admin' | 'provisioner' | 'participant'; participantContextId?: string; scopes: string[] }): Promise<string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

async function clientToken(authUrl: string, id: string, secret: string): Promise<string> {
  const response = await fetch(`${authUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(id, secret) },
    body: 'grant_type=client_credentials',
  });
  if (response.status !== 200) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/**
 * The auth-server and the issuer-service as their apps start them (real Postgres, NATS, HTTP). The issuer gets a
 * fixed free port so its PUBLIC_URL, and therefore its did:web DIDs, resolve to it.
 */
export async function startIssuerTestEnv(name: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<IssuerTestEnv> {
  const auth = await startServiceForTest((env) => startService(authServerService, env, { shutdownHooks: false }), `${name}_auth`, {
    AUTH_ISSUER_URL: AUTH_ISSUER,
    AUTH_BOOTSTRAP_CLIENT_ID: ADMIN.id,
    AUTH_BOOTSTRAP_CLIENT_SECRET: ADMIN.secret,
  });
  const port = await freePort();
  let issuer: ServiceUnderTest;
  try {
    issuer = await startServiceForTest((env) => startService(issuerServiceService, env, { shutdownHooks: false }), name, {
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      AUTH_ISSUER_URL: AUTH_ISSUER,
      AUTH_JWKS_URL: `${auth.url}/.well-known/jwks.json`,
      ISSUANCE_DELIVERY_BACKOFF_MS: '200',
      ISSUANCE_DELIVERY_MAX_ATTEMPTS: '4',
      DID_CACHE_TTL_SECONDS: '60',
      ...extraEnv,
    });
  } catch (error) {
    await auth.stop();
    throw error;
  }
  const adminToken = await clientToken(auth.url, ADMIN.id, ADMIN.secret);
  return {
    auth,
    issuer,
    token: async (client) => {
      const response = await fetch(`${auth.url}/api/admin/clients`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify(client),
      });
      if (response.status !== 201) throw new Error(`client creation failed: ${response.status} ${await response.text()}`);
      const created = (await response.json()) as { clientId: string; clientSecret: string };
      return clientToken(auth.url, created.clientId, created.clientSecret);
    },
    stop: async () => {
      await issuer.stop();
      await auth.stop();
    },
  };
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${last}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
