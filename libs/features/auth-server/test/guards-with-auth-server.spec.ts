import { generateKeyPair, SignJWT } from 'jose';
import request from 'supertest';
import { createTestDatabase, describeWithServices, TestDatabase } from '@dsaas/testing';
import { BootstrapCredentials, SigningKeysService } from '../src';
import { basic, claimsOf, headerOf, RunningApp, startAuthServer } from './support/auth-server-test-app';
import { assets, startResourceServer } from './support/resource-server';

describeWithServices(['postgres'], 'guards with tokens from the embedded auth-server', () => {
  let db: TestDatabase;
  let auth: RunningApp;
  let api: RunningApp;
  let adminToken: string;
  const tokens: Record<string, string> = {};

  const issue = async (clientId: string, secret: string) =>
    (await request(auth.url).post('/oauth2/token').type('form').send({ grant_type: 'client_credentials' }).set('Authorization', basic(clientId, secret)).expect(200)).body
      .access_token as string;

  async function client(body: object): Promise<string> {
    const res = await request(auth.url).post('/api/admin/clients').set('Authorization', `Bearer ${adminToken}`).send(body).expect(201);
    return issue(res.body.clientId, res.body.clientSecret);
  }

  const getAsset = (ctxId: string, token?: string) => {
    const req = request(api.url).get(`/api/participants/${ctxId}/assets/a1`);
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };

  beforeAll(async () => {
    db = await createTestDatabase('auth_guards');
    auth = await startAuthServer(db.url, { tokenTtlSeconds: 300 });
    api = await startResourceServer(auth.url);
    const admin = auth.app.get(BootstrapCredentials).take()!;
    adminToken = await issue(admin.clientId, admin.clientSecret);
    tokens.a = await client({ role: 'participant', participantContextId: 'ctx-a', scopes: ['management-api:read'] });
    tokens.aNoScope = await client({ role: 'participant', participantContextId: 'ctx-a', scopes: ['identity-api:read'] });
    tokens.provisioner = await client({ role: 'provisioner', scopes: ['management-api:read'] });
    assets.set('ctx-a', new Set(['a1']));
    assets.set('ctx-b', new Set(['a1']));
  });

  afterAll(async () => {
    await api?.close();
    await auth?.close();
    await db?.drop();
  });

  it('lets a participant read its own context and a provisioner any context', async () => {
    await getAsset('ctx-a', tokens.a).expect(200);
    await getAsset('ctx-b', tokens.provisioner).expect(200);
  });

  it('answers 401 with a problem body for a missing, expired, forged or wrong-audience token', async () => {
    const keys = auth.app.get(SigningKeysService);
    const now = Math.floor(Date.now() / 1000);
    const base = { iss: 'http://auth.test', sub: 'x', aud: 'dsaas', role: 'admin', scope: 'management-api:read' };
    const expired = await keys.sign({ ...base, iat: now - 600, exp: now - 300 });
    const wrongAudience = await keys.sign({ ...base, aud: 'another-api', iat: now, exp: now + 60 });
    const wrongIssuer = await keys.sign({ ...base, iss: 'http://evil.test', iat: now, exp: now + 60 });
    // Signed by a key of our own making, under the kid of the real one.
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ ...base }).setProtectedHeader({ alg: 'ES256', kid: headerOf(tokens.a).kid }).setIssuedAt().setExpirationTime('5m').sign(privateKey);

    for (const token of [undefined, expired, wrongAudience, wrongIssuer, forged]) {
      const res = await getAsset('ctx-a', token).expect(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 401, code: 'unauthenticated' });
    }
  });

  it('answers 403 for a missing scope or role', async () => {
    expect((await getAsset('ctx-a', tokens.aNoScope).expect(403)).body).toMatchObject({ status: 403, code: 'forbidden' });
    await request(api.url).get('/api/provisioning').set('Authorization', `Bearer ${tokens.a}`).expect(403);
    await request(api.url).get('/api/provisioning').set('Authorization', `Bearer ${tokens.provisioner}`).expect(200);
  });

  it("answers participant A asking for B's resource exactly as for a context that does not exist", async () => {
    const leaked = await getAsset('ctx-b', tokens.a).expect(404);
    assets.delete('ctx-b');
    try {
      const missing = await getAsset('ctx-b', tokens.provisioner).expect(404);
      expect(leaked.body).toEqual(missing.body);
      expect(leaked.headers['content-type']).toEqual(missing.headers['content-type']);
      expect(leaked.body).toMatchObject({ status: 404, code: 'not_found' });
    } finally {
      assets.set('ctx-b', new Set(['a1']));
    }
  });

  it('keeps verifying tokens of the old key after a rotation, and publishes both keys', async () => {
    const oldKid = headerOf(tokens.a).kid;
    const rotated = await request(auth.url).post('/api/admin/keys/rotate').set('Authorization', `Bearer ${adminToken}`).expect(201);
    expect(rotated.body.kid).not.toBe(oldKid);

    const fresh = await client({ role: 'participant', participantContextId: 'ctx-a', scopes: ['management-api:read'] });
    expect(headerOf(fresh).kid).toBe(rotated.body.kid);
    const jwks = await request(auth.url).get('/.well-known/jwks.json').expect(200);
    expect(jwks.body.keys.map((k: any) => k.kid).sort()).toEqual([oldKid, rotated.body.kid].sort());

    await getAsset('ctx-a', tokens.a).expect(200);
    await getAsset('ctx-a', fresh).expect(200);

    const listed = await request(auth.url).get('/api/admin/keys').set('Authorization', `Bearer ${adminToken}`).expect(200);
    const old = listed.body.find((k: any) => k.kid === oldKid);
    // The old key leaves the JWKS only once every token it signed has expired (TTL 300 s + 60 s grace).
    expect(new Date(old.expiresAt).getTime()).toBeGreaterThanOrEqual(claimsOf(tokens.a).exp * 1000);
    expect(listed.body[0]).toMatchObject({ kid: rotated.body.kid });
    expect(listed.body[0].retiredAt).toBeUndefined();
  });
});
