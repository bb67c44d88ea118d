import { authServerService } from '@dsaas/feature-auth-server';
import { startService } from '@dsaas/server';
import { ServiceUnderTest, startServiceForTest } from '@dsaas/testing';
import { identityHubService } from '../../src';

const ISSUER = 'http://auth.identity-hub.test';
const OPERATOR = { id: 'operator', secret: 'operator-secret-0123456789' };

export interface IdentityHubTestEnv {
  auth: ServiceUnderTest;
  hub: ServiceUnderTest;
  adminToken: string;
  /** Registers a client at the auth-server and answers an access token for it. */
  token(client: { role: 'admin' | 'provisioner' | 'participant'; participantContextId?: string; scopes: string[] }): Promise<string>;
  /** JSON call to the identity hub; answers status, body and headers. */
  call(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  stop(): Promise<void>;
}

function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
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

/** The auth-server and the identity hub as their apps start them, the hub verifying the auth-server's tokens. */
export async function startIdentityHubTestEnv(name: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<IdentityHubTestEnv> {
  const auth = await startServiceForTest((env) => startService(authServerService, env, { shutdownHooks: false }), `${name}_auth`, {
    AUTH_ISSUER_URL: ISSUER,
    AUTH_BOOTSTRAP_CLIENT_ID: OPERATOR.id,
    AUTH_BOOTSTRAP_CLIENT_SECRET: OPERATOR.secret,
  });
  let hub: ServiceUnderTest;
  try {
    hub = await startServiceForTest((env) => startService(identityHubService, env, { shutdownHooks: false }), name, {
      AUTH_ISSUER_URL: ISSUER,
      AUTH_JWKS_URL: `${auth.url}/.well-known/jwks.json`,
      ...extraEnv,
    });
  } catch (error) {
    await auth.stop();
    throw error;
  }
  const adminToken = await clientToken(auth.url, OPERATOR.id, OPERATOR.secret);
  const call: IdentityHubTestEnv['call'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${hub.url}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await response.text();
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body, headers: response.headers };
  };
  return {
    auth,
    hub,
    adminToken,
    call,
    async token(client) {
      const created = await fetch(`${auth.url}/api/admin/clients`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(client),
      });
      if (created.status !== 201) throw new Error(`client creation failed: ${created.status} ${await created.text()}`);
      const { clientId, clientSecret } = (await created.json()) as { clientId: string; clientSecret: string };
      return clientToken(auth.url, clientId, clientSecret);
    },
    async stop() {
      await hub?.stop();
      await auth.stop();
    },
  };
}

export const IDENTITY_SCOPES = ['identity-api:read', 'identity-api:write'];
