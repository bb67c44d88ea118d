import { INestApplication } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AuthModule } from '../src';
import { mintToken, signingKey, SigningKey, startJwksServer } from './support/jwks-server';
import { ProblemTestFilter } from './support/problem-test.filter';
import { MiscController, store, ThingsController } from './support/things.controller';

describe('AuthModule guards against an external JWKS', () => {
  let app: INestApplication;
  let key: SigningKey;
  let jwks: Awaited<ReturnType<typeof startJwksServer>>;

  const token = (claims: Record<string, unknown>, extra: { audience?: string; issuer?: string; expiresIn?: string | number; key?: SigningKey } = {}) =>
    mintToken({ key: extra.key ?? key, claims, ...extra, issuer: extra.issuer ?? 'https://idp.test' });
  const participantA = () =>
    token({ client_id: 'client-a', role: 'participant', participant_context_id: 'ctx-a', scope: 'management-api:read' });
  const admin = () => token({ client_id: 'root', role: 'admin', scope: 'management-api:read' });

  beforeAll(async () => {
    key = await signingKey('key-1');
    jwks = await startJwksServer([key]);
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ jwksUrl: jwks.url, issuer: 'https://idp.test', audience: 'dsaas', jwksCooldownSeconds: 0 })],
      controllers: [ThingsController, MiscController],
      providers: [{ provide: APP_FILTER, useClass: ProblemTestFilter }],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    store.set('ctx-a', new Set(['1']));
    store.set('ctx-b', new Set(['1']));
  });

  afterAll(async () => {
    await app?.close();
    await jwks?.close();
  });

  it('lets anyone reach a @Public() route', async () => {
    await request(app.getHttpServer()).get('/ping').expect(200, { pong: true });
  });

  it('answers 401 with a problem body and a Bearer challenge when the token is missing', async () => {
    const res = await request(app.getHttpServer()).get('/me').expect(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(res.body).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it.each([
    ['expired', () => token({ role: 'admin' }, { expiresIn: Math.floor(Date.now() / 1000) - 3600 })],
    ['forged (signed by another key under the same kid)', async () => token({ role: 'admin' }, { key: { ...(await signingKey('key-1')) } })],
    ['for another audience', () => token({ role: 'admin' }, { audience: 'someone-else' })],
    ['from another issuer', () => token({ role: 'admin' }, { issuer: 'https://evil.test' })],
    ['not a JWT', async () => 'not-a-token'],
    ['unsigned (alg none)', async () => {
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      return `${b64({ alg: 'none', kid: 'key-1' })}.${b64({ iss: 'https://idp.test', aud: 'dsaas', role: 'admin', exp: Math.floor(Date.now() / 1000) + 60 })}.`;
    }],
  ])('answers 401 for a token that is %s', async (_what, make) => {
    const res = await request(app.getHttpServer()).get('/me').set('Authorization', `Bearer ${await make()}`).expect(401);
    expect(res.body).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(res.headers['www-authenticate']).toContain('invalid_token');
  });

  it('gives the handler the principal of a valid token', async () => {
    const res = await request(app.getHttpServer()).get('/me').set('Authorization', `Bearer ${await participantA()}`).expect(200);
    expect(res.body).toEqual({ clientId: 'client-a', role: 'participant', participantContextId: 'ctx-a', scopes: ['management-api:read'] });
  });

  it('answers 403 when a required scope is missing', async () => {
    const t = await token({ role: 'participant', participant_context_id: 'ctx-a', scope: 'management-api:write' });
    const res = await request(app.getHttpServer()).get('/participants/ctx-a/things/1').set('Authorization', `Bearer ${t}`).expect(403);
    expect(res.body).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('answers 403 when the role does not fit', async () => {
    await request(app.getHttpServer()).get('/admin-only').set('Authorization', `Bearer ${await participantA()}`).expect(403);
    await request(app.getHttpServer()).get('/admin-only').set('Authorization', `Bearer ${await admin()}`).expect(200);
  });

  it('lets a participant reach its own context', async () => {
    await request(app.getHttpServer())
      .get('/participants/ctx-a/things/1')
      .set('Authorization', `Bearer ${await participantA()}`)
      .expect(200, { ctxId: 'ctx-a', id: '1' });
  });

  it("answers a participant asking for another context's resource exactly as for a context that does not exist", async () => {
    const asked = await request(app.getHttpServer())
      .get('/participants/ctx-b/things/1')
      .set('Authorization', `Bearer ${await participantA()}`)
      .expect(404);
    await request(app.getHttpServer()).get('/participants/ctx-b/things/1').set('Authorization', `Bearer ${await admin()}`).expect(200);

    store.delete('ctx-b');
    try {
      const missing = await request(app.getHttpServer())
        .get('/participants/ctx-b/things/1')
        .set('Authorization', `Bearer ${await admin()}`)
        .expect(404);
      expect(asked.body).toEqual(missing.body);
      expect(asked.headers['content-type']).toEqual(missing.headers['content-type']);
    } finally {
      store.set('ctx-b', new Set(['1']));
    }
  });

  it('keeps a token without a participant context out of every context', async () => {
    const t = await token({ role: 'participant', scope: 'management-api:read' });
    await request(app.getHttpServer()).get('/participants/ctx-a/things/1').set('Authorization', `Bearer ${t}`).expect(404);
  });

  it('picks up a key the IdP added after the first download (key rotation)', async () => {
    const next = await signingKey('key-2');
    const published = [key];
    const server = await startJwksServer(published);
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ issuer: 'https://idp.test', jwksUrl: server.url, audience: ['dsaas', 'other'], jwksCooldownSeconds: 0 })],
      controllers: [MiscController],
      providers: [{ provide: APP_FILTER, useClass: ProblemTestFilter }],
    }).compile();
    const other = moduleRef.createNestApplication({ logger: false });
    await other.init();
    try {
      const me = async (k: SigningKey) =>
        request(other.getHttpServer()).get('/me').set('Authorization', `Bearer ${await token({ role: 'admin' }, { key: k })}`);
      expect((await me(key)).status).toBe(200);
      expect((await me(next)).status).toBe(401);
      published.push(next);
      expect((await me(next)).status).toBe(200);
      expect((await me(key)).status).toBe(200);
    } finally {
      await other.close();
      await server.close();
    }
  });
});
