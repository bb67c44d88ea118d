import request from 'supertest';
import { createTestDatabase, describeWithServices, TestDatabase } from '@dsaas/testing';
import { BootstrapCredentials } from '../src';
import { basic, claimsOf, headerOf, RunningApp, startAuthServer } from './support/auth-server-test-app';

describeWithServices(['postgres'], 'POST /oauth2/token', () => {
  let db: TestDatabase;
  let server: RunningApp;
  let admin: { clientId: string; clientSecret: string };
  let adminToken: string;
  let participant: { clientId: string; clientSecret: string };

  const token = (form: Record<string, string>, authorization?: string) => {
    const req = request(server.url).post('/oauth2/token').type('form').send(form);
    return authorization ? req.set('Authorization', authorization) : req;
  };

  beforeAll(async () => {
    db = await createTestDatabase('auth_token');
    server = await startAuthServer(db.url, { tokenTtlSeconds: 600 });
    admin = server.app.get(BootstrapCredentials).take()!;
    adminToken = (await token({ grant_type: 'client_credentials' }, basic(admin.clientId, admin.clientSecret)).expect(200)).body.access_token;
    const created = await request(server.url)
      .post('/api/admin/clients')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ clientId: 'acme connector+1', role: 'participant', participantContextId: 'acme-ctx', scopes: ['management-api:read', 'management-api:write'] })
      .expect(400);
    expect(created.body.code).toBe('validation_failed');
    const ok = await request(server.url)
      .post('/api/admin/clients')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ clientId: 'acme.connector', role: 'participant', participantContextId: 'acme-ctx', scopes: ['management-api:read', 'management-api:write'] })
      .expect(201);
    participant = { clientId: ok.body.clientId, clientSecret: ok.body.clientSecret };
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('hands out the generated bootstrap admin credentials once', () => {
    expect(admin.clientId).toBeTruthy();
    expect(admin.clientSecret.length).toBeGreaterThanOrEqual(32);
    expect(server.app.get(BootstrapCredentials).take()).toBeUndefined();
    expect(claimsOf(adminToken)).toMatchObject({ role: 'admin', sub: admin.clientId });
  });

  it('issues a signed access token to a client using HTTP Basic', async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await token({ grant_type: 'client_credentials' }, basic(participant.clientId, participant.clientSecret)).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 600, scope: 'management-api:read management-api:write' });
    const claims = claimsOf(res.body.access_token);
    expect(claims).toMatchObject({
      iss: 'http://auth.test',
      sub: 'acme.connector',
      aud: 'dsaas',
      role: 'participant',
      participant_context_id: 'acme-ctx',
      scope: 'management-api:read management-api:write',
    });
    expect(claims.exp - claims.iat).toBe(600);
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect(claims.jti).toEqual(expect.any(String));
    expect(headerOf(res.body.access_token)).toMatchObject({ alg: 'ES256', kid: expect.any(String) });
    const jwks = await request(server.url).get('/.well-known/jwks.json').expect(200);
    expect(jwks.body.keys.map((k: any) => k.kid)).toContain(headerOf(res.body.access_token).kid);
    expect(JSON.stringify(jwks.body)).not.toMatch(/"d"/);
  });

  it('accepts client_secret_post and narrows the scope to what was asked', async () => {
    const res = await token({ grant_type: 'client_credentials', client_id: participant.clientId, client_secret: participant.clientSecret, scope: 'management-api:read' }).expect(200);
    expect(res.body.scope).toBe('management-api:read');
    expect(claimsOf(res.body.access_token).scope).toBe('management-api:read');
    expect(claimsOf(res.body.access_token).jti).not.toBe(claimsOf((await token({ grant_type: 'client_credentials', client_id: participant.clientId, client_secret: participant.clientSecret }).expect(200)).body.access_token).jti);
  });

  it('answers invalid_client with 401 and a Basic challenge for a wrong secret or an unknown client', async () => {
    for (const auth of [basic(participant.clientId, 'wrong-secret'), basic('nobody', participant.clientSecret)]) {
      const res = await token({ grant_type: 'client_credentials' }, auth).expect(401);
      expect(res.body).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
      expect(res.headers['www-authenticate']).toMatch(/^Basic/);
      expect(res.headers['content-type']).toContain('application/json');
    }
    const post = await token({ grant_type: 'client_credentials', client_id: participant.clientId, client_secret: 'nope' }).expect(401);
    expect(post.body.error).toBe('invalid_client');
    const none = await token({ grant_type: 'client_credentials' }).expect(401);
    expect(none.body.error).toBe('invalid_client');
  });

  it('answers 400 with the RFC 6749 error for bad requests', async () => {
    const auth = basic(participant.clientId, participant.clientSecret);
    expect((await token({ grant_type: 'password' }, auth).expect(400)).body.error).toBe('unsupported_grant_type');
    expect((await token({}, auth).expect(400)).body.error).toBe('invalid_request');
    expect((await token({ grant_type: 'client_credentials', scope: 'management-api:read issuer-admin-api:write' }, auth).expect(400)).body.error).toBe('invalid_scope');
    const both = await token({ grant_type: 'client_credentials', client_id: participant.clientId, client_secret: participant.clientSecret }, auth).expect(400);
    expect(both.body.error).toBe('invalid_request');
    const json = await request(server.url).post('/oauth2/token').set('Authorization', auth).send({ grant_type: 'client_credentials' }).expect(400);
    expect(json.body.error).toBe('invalid_request');
    const twice = await request(server.url).post('/oauth2/token').set('Authorization', auth).type('form').send('grant_type=client_credentials&grant_type=client_credentials').expect(400);
    expect(twice.body.error).toBe('invalid_request');
  });

  it('ignores unknown form parameters, as RFC 6749 asks', async () => {
    await token({ grant_type: 'client_credentials', audience: 'whatever' }, basic(participant.clientId, participant.clientSecret)).expect(200);
  });

  it('refuses the old secret after rotation and a revoked client altogether', async () => {
    const created = await request(server.url)
      .post('/api/admin/clients')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ role: 'provisioner', scopes: ['tenant-manager-api:write'] })
      .expect(201);
    const { clientId, clientSecret } = created.body;
    await token({ grant_type: 'client_credentials' }, basic(clientId, clientSecret)).expect(200);

    const rotated = await request(server.url).post(`/api/admin/clients/${clientId}/rotate-secret`).set('Authorization', `Bearer ${adminToken}`).expect(200);
    expect(rotated.body.clientSecret).not.toBe(clientSecret);
    expect((await token({ grant_type: 'client_credentials' }, basic(clientId, clientSecret)).expect(401)).body.error).toBe('invalid_client');
    await token({ grant_type: 'client_credentials' }, basic(clientId, rotated.body.clientSecret)).expect(200);

    await request(server.url).delete(`/api/admin/clients/${clientId}`).set('Authorization', `Bearer ${adminToken}`).expect(204);
    expect((await token({ grant_type: 'client_credentials' }, basic(clientId, rotated.body.clientSecret)).expect(401)).body.error).toBe('invalid_client');
    const shown = await request(server.url).get(`/api/admin/clients/${clientId}`).set('Authorization', `Bearer ${adminToken}`).expect(200);
    expect(shown.body.revokedAt).toEqual(expect.any(String));
    expect(shown.body.clientSecret).toBeUndefined();
  });
});
