import { authServerService } from '@dsaas/feature-auth-server';
import { identityHubService } from '@dsaas/feature-identity-hub';
import { startService } from '@dsaas/server';
import { freePort, ServiceUnderTest, startServiceForTest } from '@dsaas/testing';
import { controlPlaneService } from '../../src';

export { freePort };

export const MGMT = '/api/mgmt/v4alpha';
export const MGMT_CONTEXT = ['https://w3id.org/edc/connector/management/v2'];
const ADMIN = { id: 'dsp-admin', secret: 'dsp-admin-secret-0123456789' };

export interface CallResult {
  status: number;
  body: any;
  headers: Headers;
}

export async function call(base: string, method: string, path: string, options: { token?: string; body?: unknown; authorization?: string } = {}): Promise<CallResult> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  let parsed: any = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

async function clientToken(authUrl: string, id: string, secret: string): Promise<string> {
  const response = await fetch(`${authUrl}/oauth2/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`,
    },
    body: 'grant_type=client_credentials',
  });
  if (response.status !== 200) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export async function createClient(authUrl: string, adminToken: string, client: object): Promise<{ clientId: string; clientSecret: string }> {
  const created = await fetch(`${authUrl}/api/admin/clients`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(client),
  });
  if (created.status !== 201) throw new Error(`client creation failed: ${created.status} ${await created.text()}`);
  return (await created.json()) as { clientId: string; clientSecret: string };
}

export interface DspTestEnv {
  auth: ServiceUnderTest;
  hub: ServiceUnderTest;
  cp: ServiceUnderTest;
  /** Bootstrap admin: every role and scope. */
  admin: string;
  token(client: { role: 'admin' | 'provisioner' | 'participant'; participantContextId?: string; scopes: string[] }): Promise<string>;
  /** A context in the identity hub and the control plane (same id), with the DID the hub gave it. */
  createContext(id: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The auth-server, an identity hub (STS, DID documents, credential service of our contexts) and a control plane
 * wired as in production: the control plane gets self-issued tokens from the hub's STS with its own OAuth2 client.
 */
export async function startDspTestEnv(name: string, extraEnv: Record<string, string> = {}): Promise<DspTestEnv> {
  const authPort = await freePort();
  const authUrl = `http://127.0.0.1:${authPort}`;
  const auth = await startServiceForTest((env) => startService(authServerService, env, { shutdownHooks: false }), `${name}_auth`, {
    PORT: String(authPort),
    PUBLIC_URL: authUrl,
    AUTH_ISSUER_URL: authUrl,
    AUTH_BOOTSTRAP_CLIENT_ID: ADMIN.id,
    AUTH_BOOTSTRAP_CLIENT_SECRET: ADMIN.secret,
  });
  const started: ServiceUnderTest[] = [auth];
  try {
    const admin = await clientToken(auth.url, ADMIN.id, ADMIN.secret);
    const stsClient = await createClient(auth.url, admin, { role: 'provisioner', scopes: ['identity-api:read', 'signaling-api:write'] });
    const hub = await startServiceForTest((env) => startService(identityHubService, env, { shutdownHooks: false }), `${name}_hub`, { AUTH_ISSUER_URL: authUrl });
    started.push(hub);
    const cp = await startServiceForTest((env) => startService(controlPlaneService, env, { shutdownHooks: false }), name, {
      AUTH_ISSUER_URL: authUrl,
      IDENTITY_HUB_URL: hub.url,
      STS_CLIENT_ID: stsClient.clientId,
      STS_CLIENT_SECRET: stsClient.clientSecret,
      DSP_SEND_BACKOFF_MS: '100,200',
      DSP_SEND_MAX_ATTEMPTS: '3',
      STATE_MACHINE_POLL_MS: '100',
      ...extraEnv,
    });
    started.push(cp);
    return {
      auth,
      hub,
      cp,
      admin,
      async token(client) {
        const { clientId, clientSecret } = await createClient(auth.url, admin, client);
        return clientToken(auth.url, clientId, clientSecret);
      },
      async createContext(id) {
        const identity = await call(hub.url, 'POST', '/api/identity/participants', { token: admin, body: { participantContextId: id } });
        if (identity.status !== 201) throw new Error(`identity hub context: ${identity.status} ${JSON.stringify(identity.body)}`);
        const did: string = identity.body.did;
        const created = await call(cp.url, 'POST', `${MGMT}/participants`, { token: admin, body: { '@context': MGMT_CONTEXT, '@id': id, identity: did, properties: {} } });
        if (created.status !== 200) throw new Error(`control plane context: ${created.status} ${JSON.stringify(created.body)}`);
        return did;
      },
      async stop() {
        for (const service of started.reverse()) await service.stop();
      },
    };
  } catch (error) {
    for (const service of started.reverse()) await service.stop();
    throw error;
  }
}
