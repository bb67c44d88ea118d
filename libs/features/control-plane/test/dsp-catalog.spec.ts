import { DSP_CONTEXT_URL, dspValidator } from '@dsaas/protocol-dsp';
import { describeWithServices } from '@dsaas/testing';
import { TestCounterParty } from './support/dsp-test-counter-party';
import { call, DspTestEnv, MGMT, MGMT_CONTEXT, startDspTestEnv } from './support/dsp-test-env';

const CATALOG_REQUEST = { '@context': [DSP_CONTEXT_URL], '@type': 'CatalogRequestMessage', filter: [] };

/** DSP 2025-1 catalog protocol, provider side, as a TCK drives it; and the management catalog request (consumer side). */
describeWithServices(['postgres', 'nats'], 'DSP catalog', () => {
  const tck = new TestCounterParty();
  let env: DspTestEnv;
  let providerDid: string;
  const dsp = (ctx = 'provider') => `/api/dsp/${ctx}/2025-1`;
  const catalog = async (authorization: string | undefined, query = '', body: unknown = CATALOG_REQUEST) =>
    call(env.cp.url, 'POST', `${dsp()}/catalog/request${query}`, { authorization, body });

  beforeAll(async () => {
    await tck.start();
    env = await startDspTestEnv('dsp_catalog', { TRUSTED_ISSUERS: JSON.stringify([{ did: tck.issuerDid, credentialTypes: ['MembershipCredential'] }]) });
    providerDid = await env.createContext('provider');
    await env.createContext('consumer');
    const mgmt = (path: string, body: unknown) => call(env.cp.url, 'POST', `${MGMT}/participants/provider/${path}`, { token: env.admin, body: { '@context': MGMT_CONTEXT, ...(body as object) } });
    for (const id of ['a1', 'a2', 'a3']) {
      expect((await mgmt('assets', { '@id': id, properties: { name: `asset ${id}` }, dataAddress: { type: 'HttpData', baseUrl: `https://data.example.com/${id}` } })).status).toBe(200);
    }
    expect((await mgmt('policydefinitions', { '@id': 'open', policy: { '@type': 'Set', permission: [] } })).status).toBe(200);
    expect(
      (await mgmt('policydefinitions', { '@id': 'member', policy: { '@type': 'Set', permission: [{ action: 'use', constraint: [{ leftOperand: 'MembershipCredential', operator: 'eq', rightOperand: 'active' }] }] } })).status,
    ).toBe(200);
    expect((await mgmt('contractdefinitions', { '@id': 'cd-open', accessPolicyId: 'open', contractPolicyId: 'open', assetsSelector: [{ operandLeft: 'id', operator: '=', operandRight: 'a1' }] })).status).toBe(200);
    expect((await mgmt('contractdefinitions', { '@id': 'cd-member', accessPolicyId: 'member', contractPolicyId: 'member', assetsSelector: [{ operandLeft: 'id', operator: 'in', operandRight: ['a2', 'a3'] }] })).status).toBe(200);
    expect((await mgmt('dataplanes', { '@id': 'dp-1', url: 'http://127.0.0.1:1/api/signaling/v1/dataflows', allowedSourceTypes: ['HttpData'], allowedTransferTypes: ['HttpData-PULL', 'HttpData-PUSH'] })).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await env?.stop();
    await tck.stop();
  });

  beforeEach(() => {
    tck.presentMembership = true;
  });

  it('lists every hosted context in /.well-known/dspace-version', async () => {
    const versions = await call(env.cp.url, 'GET', '/.well-known/dspace-version');
    expect(versions.status).toBe(200);
    expect(dspValidator.validate('VersionResponse', versions.body)).toEqual({ valid: true, errors: [] });
    expect(versions.body.protocolVersions).toEqual(
      expect.arrayContaining([expect.objectContaining({ version: '2025-1', path: '/api/dsp/provider/2025-1', binding: 'HTTPS', identifierType: 'did:web' })]),
    );
  });

  it('answers a member with every offer, each dataset with hasPolicy offers and distributions of the registered data plane', async () => {
    const answer = await catalog(`Bearer ${await tck.token(providerDid)}`);
    expect(answer.status).toBe(200);
    expect(dspValidator.validate('Catalog', answer.body)).toEqual({ valid: true, errors: [] });
    expect(answer.body.participantId).toBe(providerDid);
    expect(answer.body.dataset.map((d: any) => d['@id'])).toEqual(['a1', 'a2', 'a3']);
    const a2 = answer.body.dataset[1];
    expect(a2.hasPolicy).toHaveLength(1);
    expect(a2.hasPolicy[0]).toMatchObject({ '@type': 'Offer', permission: [{ action: 'use', constraint: [{ leftOperand: 'MembershipCredential', operator: 'eq', rightOperand: 'active' }] }] });
    expect(a2.distribution.map((d: any) => d.format)).toEqual(['HttpData-PULL', 'HttpData-PUSH']);
    expect(answer.body.service[0].endpointURL).toMatch(/\/api\/dsp\/provider\/2025-1$/);
  });

  it('hides offers whose access policy the requester does not satisfy', async () => {
    tck.presentMembership = false;
    const answer = await catalog(`Bearer ${await tck.token(providerDid)}`);
    expect(answer.status).toBe(200);
    expect(answer.body.dataset.map((d: any) => d['@id'])).toEqual(['a1']);
    const hidden = await call(env.cp.url, 'GET', `${dsp()}/catalog/datasets/a2`, { authorization: `Bearer ${await tck.token(providerDid)}` });
    expect(hidden.status).toBe(404);
    expect(hidden.body['@type']).toBe('CatalogError');
  });

  it('accepts the bare token as some connectors send it', async () => {
    expect((await catalog(await tck.token(providerDid))).status).toBe(200);
  });

  it('refuses a missing, forged, misaddressed, replayed or malformed token with 401 and a CatalogError', async () => {
    const replayed = await tck.token(providerDid);
    expect((await catalog(`Bearer ${replayed}`)).status).toBe(200);
    const cases = [undefined, `Bearer ${await tck.forgedToken(providerDid)}`, `Bearer ${await tck.token('did:web:someone-else')}`, `Bearer ${replayed}`, 'Bearer not-a-jwt'];
    for (const authorization of cases) {
      const answer = await catalog(authorization);
      expect(answer.status).toBe(401);
      expect(dspValidator.validate('CatalogError', answer.body)).toEqual({ valid: true, errors: [] });
    }
  });

  it('answers 404 with a CatalogError for a context that does not exist', async () => {
    const answer = await call(env.cp.url, 'POST', `${dsp('nobody')}/catalog/request`, { authorization: `Bearer ${await tck.token(providerDid)}`, body: CATALOG_REQUEST });
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ '@type': 'CatalogError' });
  });

  it('refuses a message that is not a CatalogRequestMessage with 400', async () => {
    const answer = await catalog(`Bearer ${await tck.token(providerDid)}`, '', { '@context': [DSP_CONTEXT_URL], '@type': 'DatasetRequestMessage' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ '@type': 'CatalogError', code: 'dsp_schema_violation' });
  });

  it('pages with offset/limit and Link headers', async () => {
    const first = await catalog(`Bearer ${await tck.token(providerDid)}`, '?limit=2');
    expect(first.body.dataset.map((d: any) => d['@id'])).toEqual(['a1', 'a2']);
    expect(first.headers.get('link')).toMatch(/offset=2&limit=2>; rel="next"/);
    const second = await catalog(`Bearer ${await tck.token(providerDid)}`, '?offset=2&limit=2');
    expect(second.body.dataset.map((d: any) => d['@id'])).toEqual(['a3']);
    expect(second.headers.get('link')).toMatch(/rel="previous"/);
    expect(second.headers.get('link')).not.toMatch(/rel="next"/);
  });

  it('serves one dataset', async () => {
    const answer = await call(env.cp.url, 'GET', `${dsp()}/catalog/datasets/a1`, { authorization: `Bearer ${await tck.token(providerDid)}` });
    expect(answer.status).toBe(200);
    expect(dspValidator.validate('Dataset', answer.body)).toEqual({ valid: true, errors: [] });
    expect(answer.body).toMatchObject({ '@id': 'a1', name: 'asset a1' });
  });

  it('requests a catalog for a hosted context through the management API (DCP between two contexts of one control plane)', async () => {
    const answer = await call(env.cp.url, 'POST', `${MGMT}/participants/consumer/catalog/request`, {
      token: env.admin,
      body: { '@context': MGMT_CONTEXT, '@type': 'CatalogRequest', counterPartyAddress: `${env.cp.url}${dsp()}`, counterPartyId: providerDid, protocol: 'http-dsp-profile-2025-1' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body['@context']).toEqual(MGMT_CONTEXT);
    expect(answer.body.participantId).toBe(providerDid);
    // The consumer holds no MembershipCredential: it sees the open offer only.
    expect(answer.body.dataset.map((d: any) => d['@id'])).toEqual(['a1']);
    expect(answer.body.dataset[0].hasPolicy[0]['@id']).toEqual(expect.any(String));

    const dataset = await call(env.cp.url, 'POST', `${MGMT}/participants/consumer/catalog/dataset/request`, {
      token: env.admin,
      body: { '@context': MGMT_CONTEXT, '@type': 'DatasetRequest', '@id': 'a1', counterPartyAddress: `${env.cp.url}${dsp()}`, counterPartyId: providerDid, protocol: 'http-dsp-profile-2025-1' },
    });
    expect(dataset.status).toBe(200);
    expect(dataset.body['@id']).toBe('a1');

    const invalid = await call(env.cp.url, 'POST', `${MGMT}/participants/consumer/catalog/request`, { token: env.admin, body: { counterPartyAddress: 'nope' } });
    expect(invalid.status).toBe(400);
  });
});
