import { authServerService } from '@dsaas/feature-auth-server';
import { startService } from '@dsaas/server';
import { ServiceUnderTest, startServiceForTest } from '@dsaas/testing';
import { controlPlaneService } from '../../src';

const ISSUER = 'http://auth.control-plane.test';
const OPERATOR = { id: 'operator', secret: 'operator-secret-0123456789' };

export const MANAGEMENT_SCOPES = ['management-api:read', 'management-api:write'];
export const MGMT_CONTEXT = ['https://w3id.org/edc/connector/management/v2'];

export interface CallResult {
  status: number;
  body: any;
  headers: Headers;
}

export interface ControlPlaneTestEnv {
  auth: ServiceUnderTest;
  cp: ServiceUnderTest;
  /** Registers a client at the auth-server and answers an access token for it. */
  token(client: { role: 'admin' | 'provisioner' | 'participant'; participantContextId?: string; scopes: string[] }): Promise<string>;
  /** A JSON call to the control plane; `raw` sends the body text as is. */
  call(method: string, path: string, options?: { token?: string; body?: unknown; raw?: string; contentType?: string }): Promise<CallResult>;
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

/** The auth-server and the control plane as their apps start them, the control plane verifying the auth-server's tokens. */
export async function startControlPlaneTestEnv(name: string): Promise<ControlPlaneTestEnv> {
  const auth = await startServiceForTest((env) => startService(authServerService, env, { shutdownHooks: false }), `${name}_auth`, {
    AUTH_ISSUER_URL: ISSUER,
    AUTH_BOOTSTRAP_CLIENT_ID: OPERATOR.id,
    AUTH_BOOTSTRAP_CLIENT_SECRET: OPERATOR.secret,
  });
  let cp: ServiceUnderTest;
  try {
    cp = await startServiceForTest((env) => startService(controlPlaneService, env, { shutdownHooks: false }), name, {
      AUTH_ISSUER_URL: ISSUER,
      AUTH_JWKS_URL: `${auth.url}/.well-known/jwks.json`,
    });
  } catch (error) {
    await auth.stop();
    throw error;
  }
  const adminToken = await clientToken(auth.url, OPERATOR.id, OPERATOR.secret);
  return {
    auth,
    cp,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = {};
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
      if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
      const response = await fetch(`${cp.url}${path}`, { method, headers, body });
      const text = await response.text();
      let parsed: any = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body: parsed, headers: response.headers };
    },
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
      await cp?.stop();
      await auth.stop();
    },
  };
}
