import request from 'supertest';
import { createTestDatabase, describeWithServices, TestDatabase } from '@dsaas/testing';
import { BootstrapCredentials, ClientsService, SigningKeysService } from '../src';
import { basic, headerOf, RunningApp, startAuthServer } from './support/auth-server-test-app';
import { startResourceServer } from './support/resource-server';

describeWithServices(['postgres'], 'signing key lifecycle', () => {
  let db: TestDatabase;
  const running: RunningApp[] = [];

  const start = async (options: Parameters<typeof startAuthServer>[1]) => {
    const app = await startAuthServer(db.url, options);
    running.push(app);
    return app;
  };
  const kids = async (server: RunningApp) => ((await request(server.url).get('/.well-known/jwks.json').expect(200)).body.keys as any[]).map((k) => k.kid);

  beforeAll(async () => {
    db = await createTestDatabase('auth_keys');
  });

  afterAll(async () => {
    for (const app of running) await app.close();
    await db?.drop();
  });

  it('keeps its keys and clients across restarts, and a retired key leaves the JWKS once its tokens have expired', async () => {
    const first = await start({ tokenTtlSeconds: 1, keyRetirementGraceSeconds: 0 });
    const admin = first.app.get(BootstrapCredentials).take()!;
    const tokenOf = async (server: RunningApp) =>
      (await request(server.url).post('/oauth2/token').type('form').send({ grant_type: 'client_credentials' }).set('Authorization', basic(admin.clientId, admin.clientSecret)).expect(200)).body
        .access_token as string;
    const oldToken = await tokenOf(first);
    const oldKid = headerOf(oldToken).kid;
    await first.close();
    running.pop();

    // Same database, same key-encryption key: the encrypted key is read back and still signs.
    const second = await start({ tokenTtlSeconds: 1, keyRetirementGraceSeconds: 0 });
    expect(second.app.get(BootstrapCredentials).take()).toBeUndefined();
    expect(headerOf(await tokenOf(second)).kid).toBe(oldKid);

    await second.app.get(SigningKeysService).rotate();
    expect(await kids(second)).toContain(oldKid);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await kids(second)).not.toContain(oldKid);
    expect(await kids(second)).toHaveLength(1);
  });

  it('rotates on its own when the active key is older than the configured interval', async () => {
    const server = await start({ keyRotationIntervalSeconds: 3600, signingAlgorithm: 'RS256' });
    const keys = server.app.get(SigningKeysService);
    const [active] = await keys.list();
    await keys.maintain(new Date(Date.now() + 1000));
    expect((await keys.list())[0].kid).toBe(active.kid);
    await keys.maintain(new Date(Date.now() + 3601_000));
    const after = await keys.list();
    expect(after[0].kid).not.toBe(active.kid);
    expect(after[0].algorithm).toBe('RS256');
    expect(after.map((k) => k.kid)).toContain(active.kid);
  });

  it('switches to a new key when the configured algorithm changes, and another service verifies its tokens', async () => {
    const es = await start({ signingAlgorithm: 'ES256' });
    const [esKey] = await es.app.get(SigningKeysService).list();
    expect(esKey.algorithm).toBe('ES256');
    await es.close();
    running.pop();

    const rsa = await start({ signingAlgorithm: 'RS256' });
    const [rsaKey, ...older] = await rsa.app.get(SigningKeysService).list();
    expect(rsaKey.algorithm).toBe('RS256');
    expect(older.map((k) => k.kid)).toContain(esKey.kid);
    await serveAndVerify(rsa);
  });

  async function serveAndVerify(server: RunningApp): Promise<void> {
    const created = await request(server.url)
      .post('/api/admin/clients')
      .set('Authorization', `Bearer ${await issueAdmin(server)}`)
      .send({ role: 'provisioner', scopes: [] })
      .expect(201);
    const token = (await request(server.url).post('/oauth2/token').type('form').send({ grant_type: 'client_credentials', client_id: created.body.clientId, client_secret: created.body.clientSecret }).expect(200)).body.access_token;
    expect(headerOf(token).alg).toBe('RS256');
    const api = await startResourceServer(server.url);
    running.push(api);
    await request(api.url).get('/api/provisioning').set('Authorization', `Bearer ${token}`).expect(200);
  }

  // The admin client exists from the first test; a new one with a fresh secret lets this test stand alone.
  async function issueAdmin(server: RunningApp): Promise<string> {
    const clients = server.app.get(ClientsService);
    const { client, clientSecret } = await clients.create({ role: 'admin', scopes: ['auth-admin-api:write'] });
    return (await request(server.url).post('/oauth2/token').type('form').send({ grant_type: 'client_credentials' }).set('Authorization', basic(client.clientId, clientSecret)).expect(200)).body.access_token;
  }
});
