import 'reflect-metadata';
import { startService } from '@dsaas/server';
import { describeWithServices, ServiceUnderTest, startServiceForTest } from '@dsaas/testing';
import { authServerService, BootstrapCredentials } from '../src';
import { basic } from './support/auth-server-test-app';

describeWithServices(['postgres', 'nats'], 'authServerService (as apps/auth-server and the platform start it)', () => {
  let service: ServiceUnderTest;

  beforeAll(async () => {
    service = await startServiceForTest((env) => startService(authServerService, env, { shutdownHooks: false }), 'auth_service', {
      AUTH_ISSUER_URL: 'http://auth.example.test',
      AUTH_BOOTSTRAP_CLIENT_ID: 'operator',
      AUTH_BOOTSTRAP_CLIENT_SECRET: 'operator-secret-0123456789',
    });
  });
  afterAll(() => service?.stop());

  it('issues tokens and verifies them in-process for its admin API', async () => {
    expect(service.app.get(BootstrapCredentials).take()).toBeUndefined();
    const tokenResponse = await fetch(`${service.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic('operator', 'operator-secret-0123456789') },
      body: 'grant_type=client_credentials&scope=auth-admin-api:read',
    });
    expect(tokenResponse.status).toBe(200);
    const { access_token } = (await tokenResponse.json()) as { access_token: string };
    const claims = JSON.parse(Buffer.from(access_token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ iss: 'http://auth.example.test', aud: 'dsaas', role: 'admin' });

    const clients = await fetch(`${service.url}/api/admin/clients`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(clients.status).toBe(200);
    expect(((await clients.json()) as any[]).map((c) => c.clientId)).toEqual(['operator']);
  });

  it('refuses to start without a key-encryption key, naming the variable', async () => {
    await expect(startService(authServerService, { PORT: '0', DATABASE_URL: service.database.url })).rejects.toThrow(/AUTH_KEY_ENCRYPTION_KEY/);
  });

  it('documents its endpoints in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${service.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    for (const path of ['/oauth2/token', '/.well-known/jwks.json', '/api/admin/clients', '/api/admin/clients/{clientId}', '/api/admin/clients/{clientId}/rotate-secret', '/api/admin/keys/rotate']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
