import request from 'supertest';
import { Client } from 'pg';
import { createTestDatabase, describeWithServices, TestDatabase } from '@dsaas/testing';
import { BootstrapCredentials } from '../src';
import { basic, RunningApp, startAuthServer } from './support/auth-server-test-app';

describeWithServices(['postgres'], 'auth-server admin API', () => {
  let db: TestDatabase;
  let server: RunningApp;
  let adminToken: string;

  const issue = async (clientId: string, secret: string) =>
    (await request(server.url).post('/oauth2/token').type('form').send({ grant_type: 'client_credentials' }).set('Authorization', basic(clientId, secret)).expect(200)).body
      .access_token as string;
  const as = (token: string) => ({
    get: (path: string) => request(server.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body?: object) => request(server.url).post(path).set('Authorization', `Bearer ${token}`).send(body),
    delete: (path: string) => request(server.url).delete(path).set('Authorization', `Bearer ${token}`),
  });
  const clientCount = async () => (await as(adminToken).get('/api/admin/clients').expect(200)).body.length;

  beforeAll(async () => {
    db = await createTestDatabase('auth_admin');
    server = await startAuthServer(db.url, { bootstrapClientId: 'operator', bootstrapClientSecret: 'operator-secret-0123456789' });
    adminToken = await issue('operator', 'operator-secret-0123456789');
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('creates the bootstrap admin from configuration and hands out no generated credentials', async () => {
    expect(server.app.get(BootstrapCredentials).take()).toBeUndefined();
    const admin = await as(adminToken).get('/api/admin/clients/operator').expect(200);
    expect(admin.body).toMatchObject({ clientId: 'operator', role: 'admin', scopes: expect.arrayContaining(['auth-admin-api:write']) });
  });

  it('creates a client, shows its secret once and stores only a hash', async () => {
    const created = await as(adminToken)
      .post('/api/admin/clients', { clientId: 'acme', role: 'participant', participantContextId: 'acme-ctx', scopes: ['management-api:read'] })
      .expect(201);
    expect(created.body).toMatchObject({ clientId: 'acme', role: 'participant', participantContextId: 'acme-ctx', scopes: ['management-api:read'] });
    expect(created.body.clientSecret).toEqual(expect.any(String));
    const shown = await as(adminToken).get('/api/admin/clients/acme').expect(200);
    expect(shown.body.clientSecret).toBeUndefined();
    expect((await as(adminToken).get('/api/admin/clients').expect(200)).body.map((c: any) => c.clientId)).toEqual(expect.arrayContaining(['operator', 'acme']));

    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      const { rows } = await pg.query(`SELECT secret_hash FROM auth_server.client WHERE client_id = 'acme'`);
      expect(rows[0].secret_hash).toMatch(/^scrypt\$/);
      expect(rows[0].secret_hash).not.toContain(created.body.clientSecret);
      const keys = await pg.query(`SELECT ciphertext, public_jwk FROM auth_server.signing_key`);
      // The private key is stored encrypted: its JWK (which holds "d") never appears in clear.
      for (const row of keys.rows) expect((row.ciphertext as Buffer).toString('latin1')).not.toContain('"d"');
      expect(keys.rows[0].public_jwk.d).toBeUndefined();
    } finally {
      await pg.end();
    }

    await as(adminToken).post('/api/admin/clients', { clientId: 'acme', role: 'provisioner', scopes: [] }).expect(409);
  });

  it('answers 400 with a problem body to a malformed body and stores nothing', async () => {
    const before = await clientCount();
    for (const body of [
      { role: 'superuser', scopes: [] },
      { role: 'provisioner', scopes: 'management-api:read' },
      { role: 'provisioner', scopes: ['has space'] },
      { role: 'provisioner', scopes: [], isAdmin: true },
      { clientId: 'a:b', role: 'provisioner', scopes: [] },
      { role: 'participant', scopes: ['management-api:read'] },
    ]) {
      const res = await as(adminToken).post('/api/admin/clients', body).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 400 });
    }
    expect(await clientCount()).toBe(before);
  });

  it('is for admins with the admin scopes only', async () => {
    const participant = await as(adminToken).post('/api/admin/clients', { role: 'participant', participantContextId: 'p-ctx', scopes: ['auth-admin-api:read', 'auth-admin-api:write'] }).expect(201);
    const participantToken = await issue(participant.body.clientId, participant.body.clientSecret);
    await as(participantToken).get('/api/admin/clients').expect(403);
    await as(participantToken).post('/api/admin/clients', { role: 'admin', scopes: ['auth-admin-api:write'] }).expect(403);
    await as(participantToken).post('/api/admin/keys/rotate').expect(403);

    const reader = await as(adminToken).post('/api/admin/clients', { role: 'admin', scopes: ['auth-admin-api:read'] }).expect(201);
    const readerToken = await issue(reader.body.clientId, reader.body.clientSecret);
    await as(readerToken).get('/api/admin/clients').expect(200);
    await as(readerToken).post('/api/admin/clients', { role: 'provisioner', scopes: [] }).expect(403);

    await request(server.url).get('/api/admin/clients').expect(401);
  });

  it('answers 404 for an unknown client and refuses to revoke the last admin', async () => {
    const missing = await as(adminToken).get('/api/admin/clients/nobody').expect(404);
    expect(missing.body).toMatchObject({ status: 404, code: 'not_found' });
    await as(adminToken).delete('/api/admin/clients/nobody').expect(404);
    await as(adminToken).post('/api/admin/clients/nobody/rotate-secret').expect(404);

    // Two admins exist (operator and the reader of the previous test): revoke the reader, then operator is the last one.
    for (const c of (await as(adminToken).get('/api/admin/clients').expect(200)).body) {
      if (c.role === 'admin' && c.clientId !== 'operator') await as(adminToken).delete(`/api/admin/clients/${c.clientId}`).expect(204);
    }
    const res = await as(adminToken).delete('/api/admin/clients/operator').expect(409);
    expect(res.body.code).toBe('client_conflict');
  });
});
