import { authServerService } from '@dsaas/feature-auth-server';
import { SECRET_STORE, SecretStore } from '@dsaas/secrets';
import { startService } from '@dsaas/server';
import { clientCredentialsToken, http, HttpAnswer, ServiceUnderTest, startServiceForTest } from '@dsaas/testing';
import { dataPlaneService } from '../../src';

export const ISSUER = 'http://auth.data-plane.test';
export const OPERATOR = { id: 'operator', secret: 'operator-secret-0123456789' };
export const SIGNALING = ['signaling-api:write', 'signaling-api:read'];

export interface TestClient {
  role: 'admin' | 'provisioner' | 'participant';
  participantContextId?: string;
  scopes: string[];
}

export interface AuthServerUnderTest {
  auth: ServiceUnderTest;
  /** Registers a client at the auth-server; answers its credentials. */
  client(client: TestClient): Promise<{ clientId: string; clientSecret: string }>;
  /** A token of a freshly registered client. */
  token(client: TestClient): Promise<string>;
}

/** The auth-server as its app starts it, with an operator client that registers test clients. */
export async function startAuthServer(name: string): Promise<AuthServerUnderTest> {
  const auth = await startServiceForTest((env) => startService(authServerService, env, { shutdownHooks: false }), `${name}_auth`, {
    AUTH_ISSUER_URL: ISSUER,
    AUTH_BOOTSTRAP_CLIENT_ID: OPERATOR.id,
    AUTH_BOOTSTRAP_CLIENT_SECRET: OPERATOR.secret,
  });
  const operatorToken = await clientCredentialsToken(auth.url, OPERATOR.id, OPERATOR.secret);
  const client = async (spec: TestClient) => {
    const created = await http(`${auth.url}/api/admin/clients`, 'POST', { token: operatorToken, body: spec });
    if (created.status !== 201) throw new Error(`client creation failed: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body as { clientId: string; clientSecret: string };
  };
  return {
    auth,
    client,
    async token(spec) {
      const { clientId, clientSecret } = await client(spec);
      return clientCredentialsToken(auth.url, clientId, clientSecret);
    },
  };
}

export interface DataPlaneTestEnv extends AuthServerUnderTest {
  dp: ServiceUnderTest;
  secrets: SecretStore;
  /** A signaling call (`/api/signaling/v1/dataflows{path}`). */
  signal(method: string, path: string, token: string | undefined, body?: unknown): Promise<HttpAnswer>;
  stop(): Promise<void>;
}

/** The auth-server and the data plane (in this process), the data plane verifying the auth-server's tokens. */
export async function startDataPlaneTestEnv(name: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<DataPlaneTestEnv> {
  const authEnv = await startAuthServer(name);
  let dp: ServiceUnderTest;
  try {
    dp = await startServiceForTest((env) => startService(dataPlaneService, env, { shutdownHooks: false }), name, {
      AUTH_ISSUER_URL: ISSUER,
      AUTH_JWKS_URL: `${authEnv.auth.url}/.well-known/jwks.json`,
      PUSH_RETRY_DELAY_MS: '100',
      ...extraEnv,
    });
  } catch (error) {
    await authEnv.auth.stop();
    throw error;
  }
  return {
    ...authEnv,
    dp,
    secrets: dp.app.get<SecretStore>(SECRET_STORE),
    signal: (method, path, token, body) => http(`${dp.url}/api/signaling/v1/dataflows${path}`, method, { token, body }),
    async stop() {
      await dp?.stop();
      await authEnv.auth.stop();
    },
  };
}
