import { DidResolver, didWebForUrl } from '@dsaas/identity';
import { SECRET_STORE, SecretStore } from '@dsaas/secrets';
import { describeWithServices } from '@dsaas/testing';
import { IDENTITY_SCOPES, IdentityHubTestEnv, startIdentityHubTestEnv } from './support/identity-hub-test-env';

describeWithServices(['postgres', 'nats'], 'identity hub: participant contexts, DID documents and key pairs', () => {
  let env: IdentityHubTestEnv;
  let provisioner: string;
  let tokenA: string;
  let readOnlyA: string;

  beforeAll(async () => {
    env = await startIdentityHubTestEnv('ih_ctx');
    provisioner = await env.token({ role: 'provisioner', scopes: IDENTITY_SCOPES });
    tokenA = await env.token({ role: 'participant', participantContextId: 'ctx-a', scopes: IDENTITY_SCOPES });
    readOnlyA = await env.token({ role: 'participant', participantContextId: 'ctx-a', scopes: ['identity-api:read'] });
  });
  afterAll(() => env?.stop());

  const create = (body: object, token = provisioner) => env.call('POST', '/api/identity/participants', { token, body });

  it('creates a context with a did:web DID derived from the public URL, and serves its DID document', async () => {
    const created = await create({ participantContextId: 'ctx-a', dspEndpoint: 'https://cp.example.com/api/dsp/ctx-a/2025-1' });
    expect(created.status).toBe(201);
    const did = didWebForUrl(env.hub.url.replace('127.0.0.1', 'localhost'), ['ctx-a']);
    expect(created.body).toMatchObject({ participantContextId: 'ctx-a', did, state: 'active', didPublished: true });

    const served = await env.call('GET', '/ctx-a/did.json');
    expect(served.status).toBe(200);
    expect(served.body.id).toBe(did);
    expect(served.body.verificationMethod).toHaveLength(1);
    expect(served.body.verificationMethod[0].publicKeyJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(served.body.verificationMethod[0].publicKeyJwk.d).toBeUndefined();
    expect(served.body.service).toEqual([
      { id: `${did}#credential-service`, type: 'CredentialService', serviceEndpoint: `${env.hub.url.replace('127.0.0.1', 'localhost')}/api/credentials/ctx-a` },
      { id: `${did}#dsp`, type: 'ProtocolEndpoint', serviceEndpoint: 'https://cp.example.com/api/dsp/ctx-a/2025-1' },
    ]);
    expect((await env.call('GET', '/ctx-a/.well-known/did.json')).body).toEqual(served.body);

    const resolved = await new DidResolver({ allowHttpHosts: ['localhost'] }).resolve(did);
    expect(resolved).toEqual(served.body);
  });

  it('creates Ed25519 contexts, refuses duplicates and malformed bodies with problems', async () => {
    const created = await create({ participantContextId: 'ctx-b', keyAlgorithm: 'EdDSA' });
    expect(created.status).toBe(201);
    const doc = await env.call('GET', '/ctx-b/did.json');
    expect(doc.body.verificationMethod[0].publicKeyJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });

    const duplicate = await create({ participantContextId: 'ctx-b' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.headers.get('content-type')).toContain('application/problem+json');
    for (const body of [{}, { participantContextId: '../x' }, { participantContextId: 'ok', keyAlgorithm: 'RS256' }, { participantContextId: 'ok', extra: 1 }]) {
      expect((await create(body)).status).toBe(400);
    }
    expect((await create({ participantContextId: 'ctx-c' }, tokenA)).status).toBe(403);
    expect((await env.call('POST', '/api/identity/participants', { body: { participantContextId: 'ctx-c' } })).status).toBe(401);
  });

  it('lets a participant read its own context only, with the same 404 as for a missing one', async () => {
    expect((await env.call('GET', '/api/identity/participants/ctx-a', { token: tokenA })).status).toBe(200);
    const foreign = await env.call('GET', '/api/identity/participants/ctx-b', { token: tokenA });
    const missing = await env.call('GET', '/api/identity/participants/nope', { token: provisioner });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual({ ...missing.body, detail: missing.body.detail.replace('nope', 'ctx-b'), instance: foreign.body.instance });
    for (const path of ['/dids', '/keypairs']) {
      const foreignSub = await env.call('GET', `/api/identity/participants/ctx-b${path}`, { token: tokenA });
      const missingSub = await env.call('GET', `/api/identity/participants/nope${path}`, { token: provisioner });
      expect([foreignSub.status, missingSub.status]).toEqual([404, 404]);
      expect(foreignSub.body.code).toBe(missingSub.body.code);
    }
    expect((await env.call('POST', '/api/identity/participants/ctx-b/keypairs', { token: tokenA, body: {} })).status).toBe(404);
    expect((await env.call('POST', '/api/identity/participants/ctx-a/keypairs', { token: readOnlyA, body: {} })).status).toBe(403);
  });

  it('rotates keys: the new key signs, the old stays in the DID document until it is revoked', async () => {
    const listed = await env.call('GET', '/api/identity/participants/ctx-a/keypairs', { token: tokenA });
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(1);
    const first = listed.body[0];
    expect(first).toMatchObject({ state: 'active', isDefault: true, algorithm: 'ES256' });
    expect(JSON.stringify(listed.body)).not.toMatch(/"d"\s*:/);

    const rotated = await env.call('POST', `/api/identity/participants/ctx-a/keypairs/${first.keyId}/rotate`, { token: tokenA, body: {} });
    expect(rotated.status).toBe(201);
    expect(rotated.body).toMatchObject({ state: 'active', isDefault: true });
    expect(rotated.body.keyId).not.toBe(first.keyId);

    let doc = (await env.call('GET', '/ctx-a/did.json')).body;
    expect(doc.verificationMethod.map((m: any) => m.id).sort()).toEqual([first.kid, rotated.body.kid].sort());
    const keys = (await env.call('GET', '/api/identity/participants/ctx-a/keypairs', { token: tokenA })).body;
    expect(keys.find((k: any) => k.keyId === first.keyId)).toMatchObject({ state: 'rotated', isDefault: false });

    // The signing key cannot be revoked (the context would have none); the rotated one can.
    expect((await env.call('POST', `/api/identity/participants/ctx-a/keypairs/${rotated.body.keyId}/revoke`, { token: tokenA })).status).toBe(409);
    const revoked = await env.call('POST', `/api/identity/participants/ctx-a/keypairs/${first.keyId}/revoke`, { token: tokenA });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ state: 'revoked' });
    doc = (await env.call('GET', '/ctx-a/did.json')).body;
    expect(doc.verificationMethod.map((m: any) => m.id)).toEqual([rotated.body.kid]);
    expect((await env.call('POST', `/api/identity/participants/ctx-a/keypairs/${first.keyId}/rotate`, { token: tokenA, body: {} })).status).toBe(409);
    expect((await env.call('POST', '/api/identity/participants/ctx-a/keypairs/nope/revoke', { token: tokenA })).status).toBe(404);

    const added = await env.call('POST', '/api/identity/participants/ctx-a/keypairs', { token: tokenA, body: { keyId: 'extra-key', algorithm: 'EdDSA' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ keyId: 'extra-key', isDefault: false, algorithm: 'EdDSA' });
    expect((await env.call('POST', '/api/identity/participants/ctx-a/keypairs', { token: tokenA, body: { keyId: 'extra-key' } })).status).toBe(409);
    doc = (await env.call('GET', '/ctx-a/did.json')).body;
    expect(doc.verificationMethod).toHaveLength(2);
  });

  it('adds service endpoints and publishes/unpublishes the DID document', async () => {
    const added = await env.call('POST', '/api/identity/participants/ctx-a/dids/services', {
      token: tokenA,
      body: { id: 'issuer-service', type: 'IssuerService', serviceEndpoint: 'https://issuer.example.com/api/issuance/ctx-a' },
    });
    expect(added.status).toBe(200);
    expect(added.body.service.map((s: any) => s.type)).toEqual(['CredentialService', 'ProtocolEndpoint', 'IssuerService']);
    expect((await env.call('POST', '/api/identity/participants/ctx-a/dids/services', { token: tokenA, body: { id: 'issuer-service', type: 'X', serviceEndpoint: 'https://x.example.com' } })).status).toBe(409);

    expect((await env.call('POST', '/api/identity/participants/ctx-a/dids/unpublish', { token: tokenA })).status).toBe(200);
    expect((await env.call('GET', '/ctx-a/did.json')).status).toBe(404);
    expect((await env.call('GET', '/api/identity/participants/ctx-a/dids', { token: tokenA })).body.id).toMatch(/^did:web:/);
    expect((await env.call('POST', '/api/identity/participants/ctx-a/dids/publish', { token: tokenA })).status).toBe(200);
    expect((await env.call('GET', '/ctx-a/did.json')).status).toBe(200);
  });

  it('deactivates (document gone) and deletes contexts (rows and secrets gone)', async () => {
    await create({ participantContextId: 'ctx-gone' });
    // A participant may never deactivate (role check), not even its own context.
    expect((await env.call('POST', '/api/identity/participants/ctx-gone/deactivate', { token: tokenA })).status).toBe(403);
    const secrets = env.hub.app.get<SecretStore>(SECRET_STORE);
    expect(await secrets.list('ctx-gone')).toHaveLength(1);
    const deactivated = await env.call('POST', '/api/identity/participants/ctx-gone/deactivate', { token: provisioner });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.state).toBe('deactivated');
    const gone = await env.call('GET', '/ctx-gone/did.json');
    expect(gone.status).toBe(404);
    expect(gone.headers.get('content-type')).toContain('application/problem+json');
    expect((await env.call('GET', '/nope/did.json')).status).toBe(404);

    expect((await env.call('DELETE', '/api/identity/participants/ctx-gone', { token: provisioner })).status).toBe(204);
    expect(await secrets.list('ctx-gone')).toEqual([]);
    expect((await env.call('GET', '/api/identity/participants/ctx-gone', { token: provisioner })).status).toBe(404);
    expect((await env.call('DELETE', '/api/identity/participants/ctx-gone', { token: provisioner })).status).toBe(404);
    // The same id can be created again with fresh keys.
    expect((await create({ participantContextId: 'ctx-gone' })).status).toBe(201);
  });
});
