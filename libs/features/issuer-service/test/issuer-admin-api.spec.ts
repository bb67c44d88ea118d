import { describeWithServices } from '@dsaas/testing';
import { IssuerTestEnv, startIssuerTestEnv } from './support/issuer-test-env';

const WRITE = ['issuer-admin-api:read', 'issuer-admin-api:write'];

describeWithServices(['postgres', 'nats'], 'issuer admin API', () => {
  let env: IssuerTestEnv;
  let provisioner: string;

  const api = async (method: string, path: string, token: string | undefined, body?: unknown) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${env.issuer.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type'), body: text ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    env = await startIssuerTestEnv('issuer_admin');
    provisioner = await env.token({ role: 'provisioner', scopes: WRITE });
  });
  afterAll(() => env?.stop());

  it('creates issuer contexts with a did:web, an EdDSA or ES256 key and the default MembershipCredential definition', async () => {
    const created = await api('POST', '/api/issuer/participants', provisioner, { issuerContextId: 'issuer-a' });
    expect(created.status).toBe(201);
    const port = new URL(env.issuer.url).port;
    expect(created.body).toMatchObject({
      issuerContextId: 'issuer-a',
      did: `did:web:127.0.0.1%3A${port}:issuer-a`,
      keyId: `did:web:127.0.0.1%3A${port}:issuer-a#key-1`,
      keyAlgorithm: 'ES256',
      issuanceEndpoint: `${env.issuer.url}/api/issuance/issuer-a`,
    });
    expect(created.body.publicJwk.d).toBeUndefined();
    const ed = await api('POST', '/api/issuer/participants', provisioner, { issuerContextId: 'issuer-ed', keyAlgorithm: 'EdDSA', did: 'did:web:issuer.example.com:ed' });
    expect(ed.body).toMatchObject({ did: 'did:web:issuer.example.com:ed', keyAlgorithm: 'EdDSA', publicJwk: { kty: 'OKP', crv: 'Ed25519' } });

    expect((await api('POST', '/api/issuer/participants', provisioner, { issuerContextId: 'issuer-a' })).status).toBe(409);
    expect((await api('POST', '/api/issuer/participants', provisioner, { issuerContextId: 'bad id!' })).status).toBe(400);
    expect((await api('POST', '/api/issuer/participants', provisioner, { issuerContextId: 'x', extra: 1 })).status).toBe(400);
    expect((await api('POST', '/api/issuer/participants', undefined, { issuerContextId: 'x' })).status).toBe(401);
    const participant = await env.token({ role: 'participant', participantContextId: 'x', scopes: WRITE });
    expect((await api('POST', '/api/issuer/participants', participant, { issuerContextId: 'x' })).status).toBe(403);

    const listed = await api('GET', '/api/issuer/participants', provisioner);
    expect(listed.body.map((c: any) => c.issuerContextId)).toEqual(['issuer-a', 'issuer-ed']);

    const definitions = await api('GET', '/api/issuer/participants/issuer-a/credentialdefinitions', provisioner);
    expect(definitions.body).toEqual([
      expect.objectContaining({ id: 'membership-credential', credentialType: 'MembershipCredential', format: 'vc1_0_jwt', validitySeconds: 365 * 86400, attestations: ['holder-database'] }),
    ]);
    const attestations = await api('GET', '/api/issuer/participants/issuer-a/attestations', provisioner);
    expect(attestations.body).toEqual([expect.objectContaining({ id: 'holder-database', type: 'database', config: { table: 'holders' } })]);
  });

  it('manages holders, attestations and credential definitions', async () => {
    const base = '/api/issuer/participants/issuer-a';
    const holder = await api('POST', `${base}/holders`, provisioner, { holderId: 'acme', did: 'did:web:hub.example.com:acme', properties: { membershipType: 'FullMember' } });
    expect(holder.status).toBe(201);
    expect((await api('POST', `${base}/holders`, provisioner, { holderId: 'acme2', did: 'did:web:hub.example.com:acme' })).status).toBe(409);
    expect((await api('POST', `${base}/holders`, provisioner, { did: 'not a did' })).status).toBe(400);
    const generated = await api('POST', `${base}/holders`, provisioner, { did: 'did:web:hub.example.com:other' });
    expect(generated.body.holderId).toMatch(/^[0-9a-f-]{36}$/);
    const replaced = await api('PUT', `${base}/holders/acme`, provisioner, { did: 'did:web:hub.example.com:acme', name: 'ACME', properties: { membershipStartDate: '2026-02-01' } });
    expect(replaced.body).toMatchObject({ holderId: 'acme', name: 'ACME', properties: { membershipStartDate: '2026-02-01' } });
    expect((await api('GET', `${base}/holders/acme`, provisioner)).body.name).toBe('ACME');
    expect((await api('GET', `${base}/holders`, provisioner)).body).toHaveLength(2);
    expect((await api('DELETE', `${base}/holders/${generated.body.holderId}`, provisioner)).status).toBe(204);
    expect((await api('GET', `${base}/holders/${generated.body.holderId}`, provisioner)).status).toBe(404);

    const attestation = await api('POST', `${base}/attestations`, provisioner, { id: 'with-start', type: 'database', config: { table: 'holders', requiredProperties: ['membershipStartDate'] } });
    expect(attestation.status).toBe(201);
    expect((await api('POST', `${base}/attestations`, provisioner, { id: 'bad', type: 'ldap', config: { table: 'holders' } })).status).toBe(400);

    const definition = {
      id: 'gold',
      credentialType: 'GoldMembershipCredential',
      format: 'vc2_0_jose',
      validitySeconds: 3600,
      attestations: ['with-start'],
      rules: [{ type: 'equals', path: 'holder.properties.tier', value: 'gold' }],
      mappings: [{ from: 'holder.properties.tier', to: 'credentialSubject.tier' }],
    };
    expect((await api('POST', `${base}/credentialdefinitions`, provisioner, { ...definition, attestations: ['nope'] })).status).toBe(400);
    expect((await api('POST', `${base}/credentialdefinitions`, provisioner, { ...definition, rules: [{ type: 'equals', path: 'holder.x' }] })).status).toBe(400);
    expect((await api('POST', `${base}/credentialdefinitions`, provisioner, { ...definition, mappings: [{ from: 'holder.x', to: 'issuer' }] })).status).toBe(400);
    expect((await api('POST', `${base}/credentialdefinitions`, provisioner, definition)).status).toBe(201);
    const metadata = await api('GET', '/api/issuance/issuer-a/metadata', undefined);
    expect(metadata.body.credentialsSupported.map((c: any) => [c.id, c.profile])).toEqual([
      ['membership-credential', 'vc11-sl2021/jwt'],
      ['gold', 'vc20-bssl/jwt'],
    ]);
    const { id: _id, ...input } = definition;
    expect((await api('PUT', `${base}/credentialdefinitions/gold`, provisioner, { ...input, validitySeconds: 7200 })).body.validitySeconds).toBe(7200);
    expect((await api('DELETE', `${base}/credentialdefinitions/gold`, provisioner)).status).toBe(204);
    expect((await api('DELETE', `${base}/attestations/with-start`, provisioner)).status).toBe(204);
    expect((await api('GET', `${base}/credentialdefinitions/gold`, provisioner)).status).toBe(404);
  });

  it("keeps an issuer's admin token inside its own context: another context answers exactly like a missing one", async () => {
    await api('POST', '/api/issuer/participants', provisioner, { issuerContextId: 'issuer-b' });
    await api('POST', '/api/issuer/participants/issuer-b/holders', provisioner, { holderId: 'secret-member', did: 'did:web:hub.example.com:secret' });
    const tokenA = await env.token({ role: 'participant', participantContextId: 'issuer-a', scopes: WRITE });
    expect((await api('GET', '/api/issuer/participants/issuer-a/holders', tokenA)).status).toBe(200);
    expect((await api('GET', '/api/issuer/participants/issuer-a', tokenA)).status).toBe(200);

    const paths = ['', '/holders', '/holders/secret-member', '/credentialdefinitions', '/attestations', '/credentials'];
    const leaked = await Promise.all(paths.map((p) => api('GET', `/api/issuer/participants/issuer-b${p}`, tokenA)));
    expect((await api('POST', '/api/issuer/participants/issuer-b/holders', tokenA, { did: 'did:web:x.example:y' })).status).toBe(404);
    expect((await api('DELETE', '/api/issuer/participants/issuer-b/holders/secret-member', tokenA)).status).toBe(404);

    expect((await api('DELETE', '/api/issuer/participants/issuer-b', provisioner)).status).toBe(204);
    const missing = await Promise.all(paths.map((p) => api('GET', `/api/issuer/participants/issuer-b${p}`, provisioner)));
    for (const [index, response] of leaked.entries()) {
      expect(response.status).toBe(404);
      expect(response.contentType).toContain('application/problem+json');
      expect(response.body).toEqual(missing[index].body);
    }
    // Its DID document is gone with it.
    expect((await api('GET', '/issuer-b/did.json', undefined)).status).toBe(404);
  });
});
